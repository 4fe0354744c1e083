/// What a string field must look like.
public enum StringFormat: String, Sendable, Equatable {
    /// 1–128 ASCII letters, digits, `.`, `_`, `:` or `-`: ids that go into stream names.
    case identifier
    /// Any text with at least one non-space character (names, reasons, Chinese included).
    case text
    /// An Ed25519 public key in standard base64 (32 bytes, 44 characters).
    case base64Key
    /// A unified social credit code (统一社会信用代码) with its GB 32100-2015 check character.
    case creditCode

    var expectation: String {
        switch self {
        case .identifier: return "an identifier (1–128 letters, digits, '.', '_', ':' or '-')"
        case .text: return "a non-empty string"
        case .base64Key: return "a base64 Ed25519 public key (44 characters)"
        case .creditCode: return CreditCode.expectation
        }
    }

    /// Whether `value` has this format. Runs for every string of every imported line,
    /// hence the byte-level loops.
    public func accepts(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            switch self {
            case .identifier:
                return (1...128).contains(utf8.count) && utf8.allSatisfy(StringFormat.isIdentifierByte)
            case .text:
                for (i, byte) in utf8.enumerated() {
                    if byte >= 0x80 {
                        let rest = String(decoding: UnsafeBufferPointer(rebasing: utf8[i...]), as: UTF8.self)
                        return rest.unicodeScalars.contains { !$0.properties.isWhitespace }
                    }
                    if byte != 0x20 && !(0x09...0x0D).contains(byte) { return true }
                }
                return false
            case .creditCode:
                return CreditCode.problem(with: String(decoding: utf8, as: UTF8.self)) == nil
            case .base64Key:
                guard utf8.count == 44, utf8[43] == UInt8(ascii: "=") else { return false }
                return UnsafeBufferPointer(rebasing: utf8[0..<43]).allSatisfy(StringFormat.isBase64Byte)
            }
        }
    }

    @inline(__always)
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
            UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
