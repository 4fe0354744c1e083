/// Compact JSON output written byte by byte into one buffer, never by appending to a
/// `String` character by character.
extension JSONValue {
    /// Compact JSON with object keys in insertion order.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        serialize(into: &out, sortKeys: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Compact JSON with object keys sorted by UTF-8 bytes at every level, so equal values
    /// always produce equal bytes (for hashing and comparing exports).
    public func canonicalSerialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        serialize(into: &out, sortKeys: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact form to `out`, for writers that batch many lines in one buffer.
    public func serialize(into out: inout [UInt8], sortKeys: Bool = false) {
        switch self {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .int(let value): JSONValue.appendInteger(value, to: &out)
        case .double(let value): JSONValue.appendDouble(value, to: &out)
        case .string(let value): JSONValue.appendString(value, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                element.serialize(into: &out, sortKeys: sortKeys)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            let members = sortKeys ? object.sortedByKey() : object
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.serialize(into: &out, sortKeys: sortKeys)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var n = 0
            repeat {
                buffer[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            return n
        }
        withUnsafeBytes(of: &digits) { buffer in
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// Non-finite doubles have no JSON form; they are written as `null` rather than
    /// producing a document nobody can read back.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    /// Appends `text` as a JSON string (see ``appendString(utf8:to:)``).
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: UnsafeRawBufferPointer($0), to: &out) }
    }

    /// Appends UTF-8 `bytes` as a JSON string: `"`, `\` and control characters escaped, the rest
    /// as is. Public so that writers building JSON straight from stored bytes (the export)
    /// produce exactly the bytes `serialized()` does.
    public static func appendString(utf8 bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<i]))
            runStart = i + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }
}
