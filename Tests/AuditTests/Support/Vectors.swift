import Audit
import Foundation

/// The RFC 6962 reference vectors, read from the file next to the tests (no resource bundle).
struct RFC6962Vectors: Decodable {
    struct Inclusion: Decodable {
        var leafIndex: UInt64
        var treeSize: UInt64
        var proof: [Hash]
    }

    struct Consistency: Decodable {
        var size1: UInt64
        var size2: UInt64
        var proof: [Hash]
    }

    var leafInputsHex: [String]
    var rootByTreeSize: [Hash]
    var inclusion: [Inclusion]
    var consistency: [Consistency]

    static func load() throws -> RFC6962Vectors {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Vectors/rfc6962-vectors.json")
        return try JSONDecoder().decode(RFC6962Vectors.self, from: Data(contentsOf: url))
    }

    var leafInputs: [[UInt8]] {
        leafInputsHex.map { hex in
            let digits = Array(hex.utf8)
            return stride(from: 0, to: digits.count, by: 2).map { index in
                UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
            }
        }
    }
}
