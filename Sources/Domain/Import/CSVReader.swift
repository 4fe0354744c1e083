/// One CSV record and where it came from.
public struct CSVRow: Sendable, Equatable {
    /// The record's number in the file, the header being 1 (what a spreadsheet shows as the row).
    public var number: Int
    /// The physical line the record starts on (differs from `number` after quoted newlines).
    public var line: Int
    public var fields: [String]

    public init(number: Int, line: Int, fields: [String]) {
        self.number = number
        self.line = line
        self.fields = fields
    }
}

/// Malformed CSV: where it is and what the reader wanted there.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unterminatedQuote
        case quoteInUnquotedField
        case charactersAfterClosingQuote
        case invalidUTF8
    }

    public var code: Code
    public var line: Int
    /// One-based byte column.
    public var column: Int
    public var expected: String

    public var description: String {
        "CSV error at line \(line), column \(column): expected \(expected)"
    }
}

/// An RFC 4180 reader: quoted fields with embedded commas, newlines and doubled quotes;
/// CRLF or LF line ends; a leading UTF-8 byte-order mark (as spreadsheets write) is skipped.
/// Blank lines are skipped.
public struct CSVReader: Sendable {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lineStart = 0
    var number = 0

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        lineStart = position
    }

    /// Reads every record at once.
    public static func rows(_ text: String) throws(CSVError) -> [CSVRow] {
        var reader = CSVReader(text)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The next record, or `nil` at the end of input.
    public mutating func next() throws(CSVError) -> CSVRow? {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            consumeLineEnd()
        }
        guard position < bytes.count else { return nil }
        number += 1
        let startLine = line
        var fields: [String] = []
        while true {
            fields.append(try readField())
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            consumeLineEnd()
            break
        }
        return CSVRow(number: number, line: startLine, fields: fields)
    }

    mutating func consumeLineEnd() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
        lineStart = position
    }

    /// Located at the bad byte itself (the fields before it were valid, so it is the file's first).
    func invalidUTF8() -> CSVError {
        let offset = UTF8Check.firstInvalidOffset(in: bytes) ?? position
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return CSVError(
            code: .invalidUTF8, line: line, column: offset - lineStart + 1,
            expected: "UTF-8 text (byte 0x\(hex.count < 2 ? "0" : "")\(hex) at offset \(offset) of the file is not)")
    }

    func failure(_ code: CSVError.Code, _ expected: String) -> CSVError {
        CSVError(code: code, line: line, column: position - lineStart + 1, expected: expected)
    }

    mutating func readField() throws(CSVError) -> String {
        var value: [UInt8] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            position += 1
            while true {
                guard position < bytes.count else {
                    throw failure(.unterminatedQuote, "a closing '\"' for the quoted field")
                }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        value.append(byte)
                        position += 1
                        continue
                    }
                    break
                }
                if byte == 0x0A {
                    line += 1
                    lineStart = position
                }
                value.append(byte)
            }
            if position < bytes.count, ![UInt8(ascii: ","), 0x0A, 0x0D].contains(bytes[position]) {
                throw failure(.charactersAfterClosingQuote, "',' or a line end after the closing quote")
            }
        } else {
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { break }
                if byte == UInt8(ascii: "\"") {
                    throw failure(.quoteInUnquotedField, "no '\"' inside an unquoted field (quote the whole field)")
                }
                value.append(byte)
                position += 1
            }
        }
        guard let text = String(validating: value, as: UTF8.self) else {
            throw invalidUTF8()
        }
        return text
    }
}
