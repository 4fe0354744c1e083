/// Hand-written byte-level JSON parsing: import reads millions of lines, and Foundation's
/// decoder manages about a tenth of what we need (see docs/PERFORMANCE.md, Anchors).
extension JSONValue {
    /// Parses exactly one JSON value; anything but whitespace after it is an error.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.parseDocument()
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }
}

/// The parser state: a cursor over borrowed bytes plus a scratch buffer for escaped strings.
struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    var position = 0
    var depth = 0
    var scratch: [UInt8] = []

    /// Deep enough for any real document, shallow enough that hostile input cannot
    /// exhaust the stack.
    static let maximumDepth = 512

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw error(.trailingCharacters, "end of input")
        }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error(.unexpectedEnd, "a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error(.unexpectedCharacter, "a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for i in 0..<count {
            guard position + i < bytes.count else {
                position += i
                throw error(.unexpectedEnd, "'\(literal)'")
            }
            guard bytes[position + i] == text[i] else {
                position += i
                throw error(.unexpectedCharacter, "'\(literal)'")
            }
        }
        position += count
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        position += 1  // {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error(.tooDeep, "at most \(Self.maximumDepth) levels of nesting")
        }
        defer { depth -= 1 }
        var object = JSONObject(minimumCapacity: 8)
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            guard position < bytes.count else { throw error(.unexpectedEnd, "a string key") }
            guard bytes[position] == UInt8(ascii: "\"") else { throw error(.unexpectedCharacter, "a string key") }
            let keyStart = position
            let key = try parseString()
            if object.position(of: key) != nil {
                position = keyStart
                throw error(.duplicateKey, "a key not already in this object (\"\(key)\" repeats)")
            }
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd, "':'") }
            guard bytes[position] == UInt8(ascii: ":") else { throw error(.unexpectedCharacter, "':'") }
            position += 1
            skipWhitespace()
            object.append(key, try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd, "',' or '}'") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                return .object(object)
            default:
                throw error(.unexpectedCharacter, "',' or '}'")
            }
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        position += 1  // [
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error(.tooDeep, "at most \(Self.maximumDepth) levels of nesting")
        }
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error(.unexpectedEnd, "',' or ']'") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default:
                throw error(.unexpectedCharacter, "',' or ']'")
            }
        }
    }

    /// Builds the error with line and column worked out only now, off the fast path.
    func error(_ code: JSONSyntaxError.Code, _ expected: String) -> JSONSyntaxError {
        let end = min(position, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return JSONSyntaxError(code: code, offset: end, line: line, column: end - lineStart + 1, expected: expected)
    }
}
