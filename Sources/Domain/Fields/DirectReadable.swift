/// A field type read straight from import-line bytes (see `JSONParser+Direct.swift`).
///
/// `kind` carries the same constraints `JSONFieldCodable` checks; a value that misses them
/// throws `DirectReadMiss` and the line is read again through the tree for its error.
protocol DirectReadable {
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> Self
}

extension String: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> String {
        let text = try parser.directString()
        if case .string(let format) = kind, !format.accepts(text) { throw DirectReadMiss() }
        return text
    }
}

extension Int64: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> Int64 {
        let number = try parser.directInteger()
        if case .integer(let minimum, let maximum) = kind {
            guard number >= minimum, number <= maximum ?? .max else { throw DirectReadMiss() }
        }
        return number
    }
}

extension Int: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> Int {
        Int(try Int64.readDirect(&parser, kind: kind))
    }
}

extension Bool: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> Bool {
        try parser.directBool()
    }
}

extension LocalDate: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> LocalDate {
        // Dates never hold escapes or non-ASCII: read the ten bytes where they lie.
        let start = parser.position + 1
        guard start + 11 <= parser.bytes.count, parser.bytes[start - 1] == UInt8(ascii: "\""),
            parser.bytes[start + 10] == UInt8(ascii: "\""),
            let date = LocalDate.parseISO(UnsafeRawBufferPointer(rebasing: parser.bytes[start..<start + 10]))
        else { throw DirectReadMiss() }
        parser.position = start + 11
        return date
    }
}

extension Array: DirectReadable where Element: DirectReadable {
    @inline(__always)
    static func readDirect(_ parser: inout JSONParser, kind: FieldKind) throws(DirectReadMiss) -> [Element] {
        let elementKind: FieldKind
        if case .array(let inner) = kind { elementKind = inner } else { elementKind = kind }
        return try parser.directArray { (parser: inout JSONParser) throws(DirectReadMiss) -> Element in
            try Element.readDirect(&parser, kind: elementKind)
        }
    }
}

extension JSONParser {
    /// An enumerated field: its raw value, matched against the cases without building a string.
    @inline(__always)
    mutating func directEnum<E: DomainEnum>(_ type: E.Type) throws(DirectReadMiss) -> E {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw DirectReadMiss() }
        let start = position + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { throw DirectReadMiss() }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        for candidate in E.ordered {
            var rawValue = candidate.rawValue
            let same = rawValue.withUTF8 { utf8 in
                utf8.count == raw.count && utf8.elementsEqual(raw)
            }
            if same {
                position = end + 1
                return candidate
            }
        }
        throw DirectReadMiss()
    }
}
