/// Stored bytes that do not decode: bit rot, a truncated record or a bug in an old writer.
/// The audit reports it with the offset so the bad record can be inspected by hand.
public struct PayloadDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case truncated
        case malformedVarint
        case invalidValue
        case invalidUTF8
        case trailingBytes
        case unknownType
        case unsupportedSchemaVersion
    }

    public var code: Code
    /// Byte offset within the payload where decoding failed.
    public var offset: Int
    /// What the decoder needed there, e.g. "a string of 12 bytes".
    public var expected: String

    public init(code: Code, offset: Int, expected: String) {
        self.code = code
        self.offset = offset
        self.expected = expected
    }

    public var description: String {
        "payload decoding failed (\(code.rawValue)) at byte \(offset): expected \(expected)"
    }
}
