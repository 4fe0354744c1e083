import Domain

/// JSON output primitives over raw bytes, producing exactly what `JSONValue.serialize` writes
/// for the same values, so a line built here equals one built through `JSONValue` (strings
/// go through `JSONValue.appendString`, the one escaper).
enum JSONBytes {
    /// A non-negative integer in decimal.
    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var value = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = 0
            repeat {
                buffer[n] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                value /= 10
                n += 1
            } while value > 0
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// 32 bytes as 64 lower-case hex digits in quotes, built on the stack and appended at once.
    static func appendHex(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        precondition(bytes.count <= 32, "a hash is 32 bytes")
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            let digits = hexDigitText.utf8Start
            buffer[0] = UInt8(ascii: "\"")
            for (i, byte) in bytes.enumerated() {
                buffer[1 + 2 * i] = digits[Int(byte >> 4)]
                buffer[2 + 2 * i] = digits[Int(byte & 0xF)]
            }
            buffer[1 + 2 * bytes.count] = UInt8(ascii: "\"")
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<(2 + 2 * bytes.count)]))
        }
    }

    /// A literal of ours (keys, punctuation), copied without going through `String.UTF8View`.
    @inline(__always)
    static func appendLiteral(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let hexDigitText: StaticString = "0123456789abcdef"
}
