/// Strings and numbers: the hot inner loops of parsing.
extension JSONParser {
    /// Strings without escapes (nearly all of them) become a `String` straight from the
    /// input bytes; only strings with escapes go through the scratch buffer.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1  // opening quote
        let start = position
        var ascii = true
        // Skip eight plain bytes at a time (no quote, backslash, control or non-ASCII byte).
        if let base = bytes.baseAddress {
            while position + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if Self.needsAttention(word) { break }
                position += 8
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(
                    UnsafeRawBufferPointer(rebasing: bytes[start..<position]), ascii: ascii, start: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 {
                throw error(.controlCharacterInString, "a string without raw control characters (escape them)")
            }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        throw error(.unexpectedEnd, "'\"' to close the string")
    }

    /// Whether any byte of `word` is a quote, a backslash, below 0x20 or above 0x7F
    /// (the classic "has zero byte" bit tricks; false positives only cost a slow pass).
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl | (word & highs)) != 0
    }

    func makeString(_ slice: UnsafeRawBufferPointer, ascii: Bool, start: Int) throws(JSONSyntaxError) -> String {
        if ascii { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            // Name the bad byte itself, not the string's start: the sender must find it.
            var at = self
            at.position = start + (UTF8Check.firstInvalidOffset(slice) ?? 0)
            throw at.error(.invalidUnicode, "valid UTF-8 in the string")
        }
        return text
    }

    mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let decoded = scratch.withUnsafeBytes { buffer in
                    ascii ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
                }
                guard let text = decoded else {
                    position = start
                    throw error(.invalidUnicode, "valid UTF-8 in the string")
                }
                position += 1
                return text
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0..<0x20:
                throw error(.controlCharacterInString, "a string without raw control characters (escape them)")
            default:
                if byte >= 0x80 { ascii = false }
                scratch.append(byte)
                position += 1
            }
        }
        throw error(.unexpectedEnd, "'\"' to close the string")
    }

    /// Decodes one escape at `position` (the backslash) into the scratch buffer, joining
    /// UTF-16 surrogate pairs into one scalar.
    mutating func appendEscape() throws(JSONSyntaxError) {
        position += 1
        guard position < bytes.count else { throw error(.unexpectedEnd, "an escape character") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var unit = try parseHex4()
            if (0xDC00...0xDFFF).contains(unit) {
                position -= 6
                throw error(.invalidUnicode, "a high surrogate before a low surrogate")
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error(.invalidUnicode, "'\\u' and a low surrogate after a high surrogate") }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    position -= 6
                    throw error(.invalidUnicode, "a low surrogate (\\uDC00–\\uDFFF)")
                }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(unit) else { throw error(.invalidUnicode, "a Unicode scalar") }
            scratch.append(contentsOf: scalar.utf8)
        default:
            position -= 2
            throw error(.invalidEscape, "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error(.unexpectedEnd, "four hex digits after \\u") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidEscape, "four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    @inline(__always)
    func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10
    }

    /// Integers that fit in Int64 stay exact; anything with a fraction, an exponent or
    /// more digits becomes a Double.
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard isDigit(at: position) else { throw error(.invalidNumber, "a digit") }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(at: position) { throw error(.invalidNumber, "no leading zeros") }
        } else {
            while isDigit(at: position) {
                let digit = UInt64(bytes[position] &- UInt8(ascii: "0"))
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                magnitude = sum
                position += 1
            }
        }
        var integral = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard isDigit(at: position) else { throw error(.invalidNumber, "a digit after '.'") }
            while isDigit(at: position) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            integral = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard isDigit(at: position) else { throw error(.invalidNumber, "a digit in the exponent") }
            while isDigit(at: position) { position += 1 }
        }
        if integral && !overflow {
            if negative {
                if magnitude <= UInt64(Int64.max) + 1 { return .int(Int64(bitPattern: 0 &- magnitude)) }
            } else if magnitude <= UInt64(Int64.max) {
                return .int(Int64(magnitude))
            }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            var at = self
            at.position = start
            throw at.error(.invalidNumber, "a number within the range of a double")
        }
        return .double(value)
    }
}
