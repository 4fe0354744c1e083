import Audit
import Domain
import Foundation

/// Ids for records that carry none, derived from their content and how often that content
/// occurred before in the same file — so importing the same file again is idempotent.
struct DerivedIds {
    private var occurrences: [Hash: Int] = [:]

    mutating func id(for line: ImportLine) -> String {
        if let id = line.id { return id }
        let canonical = Array(JSONValue.object(line.jsonObject()).canonicalSerialized().utf8)
        let digest = Hash.sha256(canonical)
        let n = occurrences[digest, default: 0]
        occurrences[digest] = n + 1
        let bytes = Hash.sha256(digest.bytes + Array("#\(n)".utf8)).bytes
        return UUIDText.format(Array(bytes.prefix(16)))
    }
}

/// RFC 4122 text form for 16 bytes (version 8, "custom": the bytes are a content hash).
enum UUIDText {
    static func format(_ raw: [UInt8]) -> String {
        var b = raw
        b[6] = (b[6] & 0x0F) | 0x80
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String(format: "%02x", $0) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-"
            + String(h[20..<32])
    }
}
