/// Reading typed values straight from the bytes of an import line, with no `JSONValue` tree.
///
/// This is the happy path only: any value that is not plainly valid (a wrong type, a range or
/// format miss, an escaped key, a duplicate key) throws `DirectReadMiss`, and the caller reads
/// the line again through the tree (`JSONValue.parse`, `FieldReader`), which names the problem
/// with exactly the words it always has. So the two paths cannot disagree on an error.
struct DirectReadMiss: Error {}

extension JSONParser {
    /// Consumes `{` and the whitespace after it.
    @inline(__always)
    mutating func directObjectStart() throws(DirectReadMiss) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw DirectReadMiss() }
        position += 1
        skipWhitespace()
    }

    /// The next key of the object being read (its raw bytes; keys with escapes miss), or `nil`
    /// after the closing `}`. Consumes the `:` after the key and the `,` before it.
    @inline(__always)
    mutating func directNextKey(first: inout Bool) throws(DirectReadMiss) -> UnsafeRawBufferPointer? {
        skipWhitespace()
        guard position < bytes.count else { throw DirectReadMiss() }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !first {
            guard bytes[position] == UInt8(ascii: ",") else { throw DirectReadMiss() }
            position += 1
            skipWhitespace()
        }
        first = false
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw DirectReadMiss() }
        let start = position + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw DirectReadMiss() }
            end += 1
        }
        guard end < bytes.count else { throw DirectReadMiss() }
        position = end + 1
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw DirectReadMiss() }
        position += 1
        skipWhitespace()
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether `key` is `name`, byte for byte.
    @inline(__always)
    static func key(_ key: UnsafeRawBufferPointer, is name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.count == count else { return false }
        let expected = name.utf8Start
        for i in 0..<count where key[i] != expected[i] { return false }
        return true
    }

    /// Marks field `bit` as seen; a second sighting is a duplicate key, which the tree reports.
    @inline(__always)
    static func mark(_ seen: inout UInt64, _ bit: Int) throws(DirectReadMiss) {
        let flag: UInt64 = 1 << UInt64(bit)
        guard seen & flag == 0 else { throw DirectReadMiss() }
        seen |= flag
    }

    /// Consumes a `null` if one is next (an explicit null is an absent optional).
    @inline(__always)
    mutating func directNull() -> Bool {
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"),
            bytes[position + 1] == UInt8(ascii: "u"),
            bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    @inline(__always)
    mutating func directString() throws(DirectReadMiss) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw DirectReadMiss() }
        do { return try parseString() } catch { throw DirectReadMiss() }
    }

    @inline(__always)
    mutating func directInteger() throws(DirectReadMiss) -> Int64 {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || isDigit(at: position) else {
            throw DirectReadMiss()
        }
        guard case .int(let value)? = try? parseNumber() else { throw DirectReadMiss() }
        return value
    }

    @inline(__always)
    mutating func directBool() throws(DirectReadMiss) -> Bool {
        guard position < bytes.count else { throw DirectReadMiss() }
        switch bytes[position] {
        case UInt8(ascii: "t"):
            do { try expectLiteral("true") } catch { throw DirectReadMiss() }
            return true
        case UInt8(ascii: "f"):
            do { try expectLiteral("false") } catch { throw DirectReadMiss() }
            return false
        default: throw DirectReadMiss()
        }
    }

    /// Only whitespace may follow the document.
    mutating func directEnd() throws(DirectReadMiss) {
        skipWhitespace()
        guard position == bytes.count else { throw DirectReadMiss() }
    }

    /// An array whose elements are read by `element`.
    @inline(__always)
    mutating func directArray<Element>(
        _ element: (inout JSONParser) throws(DirectReadMiss) -> Element
    ) throws(DirectReadMiss) -> [Element] {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { throw DirectReadMiss() }
        position += 1
        skipWhitespace()
        var result: [Element] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return result
        }
        while true {
            result.append(try element(&self))
            skipWhitespace()
            guard position < bytes.count else { throw DirectReadMiss() }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return result
            default: throw DirectReadMiss()
            }
        }
    }
}
