import Domain
import Testing

/// `BinaryReader.readString` skips its comparison for ASCII and compares the rest word by word:
/// every invalid sequence must still be refused, wherever it sits relative to an 8-byte word,
/// and every valid string must come back as it was.
@Suite("Strings read from the binary form")
struct StringDecodingTests {
    static func framed(_ bytes: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeVarint(UInt64(bytes.count))
        return writer.bytes + bytes
    }

    static func read(_ bytes: [UInt8]) throws -> String {
        try framed(bytes).withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try reader.readString()
        }
    }

    static let invalid: [[UInt8]] = [
        [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]

    @Test("an invalid sequence is refused at any position", arguments: invalid)
    func invalidIsRefused(sequence: [UInt8]) {
        for before in [0, 1, 7, 8, 13] {
            for after in [0, 3, 9] {
                let bytes =
                    Array(repeating: UInt8(ascii: "a"), count: before) + sequence
                    + Array(repeating: UInt8(ascii: "b"), count: after)
                #expect(throws: PayloadDecodingError.self, "\(before) + \(sequence) + \(after)") {
                    try Self.read(bytes)
                }
            }
        }
    }

    @Test(
        "valid text comes back as it was",
        arguments: ["", "a", "sch-0001", "exactly8", "市域产教联合体", "苏州 order class 2024", "😀🏳️‍🌈 e\u{301}", "\u{10FFFF}"])
    func validIsKept(text: String) throws {
        #expect(try Self.read(Array(text.utf8)) == text)
    }
}
