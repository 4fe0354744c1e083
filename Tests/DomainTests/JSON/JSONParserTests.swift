import Domain
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(
            #" {"a": null, "b": true, "c": false, "d": -12, "e": 1.5e2, "f": "x", "g": [1, [2]], "h": {}} "#)
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["c"] == .bool(false))
        #expect(value["d"] == .int(-12))
        #expect(value["e"] == .double(150))
        #expect(value["f"] == .string("x"))
        #expect(value["g"] == .array([.int(1), .array([.int(2)])]))
        #expect(value["h"] == .object(JSONObject()))
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9\u4e2d""#, "Aé中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""苏州市域产教联合体""#, "苏州市域产教联合体"),
        (#""mixed 中文 and \n escape""#, "mixed 中文 and \n escape"),
    ])
    func decodesEscapesAndUnicode(input: String, expected: String) throws {
        #expect(try JSONValue.parse(input) == .string(expected))
    }

    @Test(arguments: [
        ("0", JSONValue.int(0)), ("-0", .int(0)), ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)), ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.25", .double(1.25)), ("-2E-2", .double(-0.02)), ("1e3", .double(1000)),
    ])
    func parsesNumbers(input: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(input) == expected)
    }

    @Test(arguments: [
        ("", 0, JSONSyntaxError.Code.unexpectedEnd),
        ("{\"a\":1,}", 7, .unexpectedCharacter),
        ("[1 2]", 3, .unexpectedCharacter),
        ("01", 1, .invalidNumber),
        ("1.", 2, .invalidNumber),
        ("-", 1, .invalidNumber),
        ("1e", 2, .invalidNumber),
        ("\"abc", 4, .unexpectedEnd),
        ("\"a\\x\"", 2, .invalidEscape),
        ("\"\\u12G4\"", 5, .invalidEscape),
        ("\"\\ud83d\"", 7, .invalidUnicode),
        ("\"\\ude00\"", 1, .invalidUnicode),
        ("\"tab\there\"", 4, .controlCharacterInString),
        ("{\"a\":1,\"a\":2}", 7, .duplicateKey),
        ("{\"a\" 1}", 5, .unexpectedCharacter),
        ("{1:2}", 1, .unexpectedCharacter),
        ("tru", 3, .unexpectedEnd),
        ("nul!", 3, .unexpectedCharacter),
        ("{} x", 3, .trailingCharacters),
        ("1e999", 0, .invalidNumber),
    ])
    func rejectsMalformedInputWithOffset(input: String, offset: Int, code: JSONSyntaxError.Code) {
        #expect {
            try JSONValue.parse(input)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.offset == offset && error.code == code
        }
    }

    @Test func reportsLineAndColumnOfErrors() {
        do {
            _ = try JSONValue.parse("{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
            #expect(error.expected == "a value")
            #expect(error.description.contains("line 3, column 8"))
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) }
    }

    @Test func limitsNestingDepth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try JSONValue.parse(fine).arrayValue?.count == 1)
    }

    @Test func looksUpKeysInLargeObjects() throws {
        let text = "{" + (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let object = try #require(try JSONValue.parse(text).objectValue)
        #expect(object["k73"] == .int(73))
        #expect(object["nope"] == nil)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(String(text.dropLast()) + ",\"k5\":1}") }
    }

    @Test func ignoresSurroundingWhitespaceOnly() throws {
        #expect(try JSONValue.parse(" \r\n\t[ ]\n") == .array([]))
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("[] []") }
    }
}
