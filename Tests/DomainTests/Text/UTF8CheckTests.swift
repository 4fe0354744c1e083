import Domain
import Testing

/// Invalid UTF-8 is refused, located to the byte (see docs/HOSTILE-INPUT.md).
@Suite("UTF-8 check")
struct UTF8CheckTests {
    @Test(
        arguments: [
            ([0x41, 0xFF, 0x42], 1), ([0xC0, 0xAF], 0), ([0x41, 0x42, 0xED, 0xA0, 0x80], 2),
            ([0xF4, 0x90, 0x80, 0x80], 0),
            ([0xE4, 0xB8], 0), ([0x41, 0x80], 1), ([0xF8, 0x88, 0x80, 0x80, 0x80], 0),
        ] as [([UInt8], Int)])
    func theFirstBadByteIsNamed(bytes: [UInt8], offset: Int) {
        #expect(UTF8Check.firstInvalidOffset(in: bytes) == offset)
        #expect(String(validating: bytes, as: UTF8.self) == nil)  // agrees with the standard library
    }

    @Test func validTextPasses() {
        for text in ["", "ascii", "市域产教联合体", "😀🏳️‍🌈", "e\u{301}", "\u{10FFFF}"] {
            #expect(UTF8Check.firstInvalidOffset(in: Array(text.utf8)) == nil)
        }
    }

    /// The JSON parser names the bad byte itself, not the start of its string.
    @Test func jsonNamesTheOffsetOfTheBadByte() throws {
        let bytes: [UInt8] = Array(#"{"a":"xyz"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
        #expect(error?.code == .invalidUnicode)
        #expect(error?.offset == 9)
    }

    /// The CSV reader names the line, column and file offset of the bad byte.
    @Test func csvNamesTheOffsetOfTheBadByte() throws {
        let bytes: [UInt8] = Array("a,b\nok,x".utf8) + [0xC0, 0xAF] + Array("y\n".utf8)
        var reader = CSVReader(bytes: bytes)
        _ = try reader.next()
        let error = #expect(throws: CSVError.self) { _ = try reader.next() }
        #expect(error?.code == .invalidUTF8)
        #expect(error?.line == 2)
        #expect(error?.column == 5)
        #expect(error?.description.contains("offset 8") == true)
    }
}
