/// Malformed JSON, located precisely enough that someone can open the file and fix it.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that branch on the kind of failure.
    public enum Code: String, Sendable {
        case unexpectedEnd
        case unexpectedCharacter
        case invalidNumber
        case invalidEscape
        case invalidUnicode
        case controlCharacterInString
        case duplicateKey
        case tooDeep
        case trailingCharacters
    }

    public var code: Code
    /// Zero-based byte offset into the input.
    public var offset: Int
    /// One-based line number.
    public var line: Int
    /// One-based byte column within the line.
    public var column: Int
    /// What the parser was looking for, e.g. "',' or '}'".
    public var expected: String

    public init(code: Code, offset: Int, line: Int, column: Int, expected: String) {
        self.code = code
        self.offset = offset
        self.line = line
        self.column = column
        self.expected = expected
    }

    public var description: String {
        "JSON syntax error at line \(line), column \(column) (byte \(offset)): expected \(expected)"
    }
}
