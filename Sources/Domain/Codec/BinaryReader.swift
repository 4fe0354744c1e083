/// Reads the binary payload form over borrowed bytes.
///
/// Every read is bounds-checked and throws rather than traps: a corrupt record must give
/// the audit a report, never crash it.
public struct BinaryReader {
    public let bytes: UnsafeRawBufferPointer
    public private(set) var offset: Int

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        offset = 0
    }

    public var remaining: Int { bytes.count - offset }
    public var isAtEnd: Bool { offset >= bytes.count }

    public func failure(_ code: PayloadDecodingError.Code, _ expected: String) -> PayloadDecodingError {
        PayloadDecodingError(code: code, offset: offset, expected: expected)
    }

    /// Rejects leftovers, which mean the payload is not what its type code claims.
    public func expectEnd() throws(PayloadDecodingError) {
        guard isAtEnd else { throw failure(.trailingBytes, "end of payload (\(remaining) bytes left)") }
    }

    public mutating func readByte() throws(PayloadDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw failure(.truncated, "one more byte") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// At most ten bytes, and the tenth may only carry the top bit of a UInt64.
    public mutating func readVarint() throws(PayloadDecodingError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else {
                offset = start
                throw failure(.truncated, "a varint")
            }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                offset = start
                throw failure(.malformedVarint, "a varint that fits in 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readZigZag() throws(PayloadDecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Only 0 and 1 are booleans; any other byte is corruption.
    public mutating func readBool() throws(PayloadDecodingError) -> Bool {
        let byte = try readByte()
        guard byte <= 1 else {
            offset -= 1
            throw failure(.invalidValue, "a boolean byte 0 or 1, got \(byte)")
        }
        return byte == 1
    }

    /// A count that cannot exceed the bytes left, so garbage cannot make us allocate wildly.
    public mutating func readCount(minimumElementSize: Int = 1) throws(PayloadDecodingError) -> Int {
        let start = offset
        let raw = try readVarint()
        guard raw <= UInt64(remaining / max(minimumElementSize, 1)) else {
            offset = start
            throw failure(.truncated, "\(raw) elements within the \(remaining) bytes left")
        }
        return Int(raw)
    }

    public mutating func readString() throws(PayloadDecodingError) -> String {
        let start = offset
        let count = try readCount()
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        // `String(decoding:)` is specialised and fast but repairs bad bytes, so the bytes are
        // checked first (`UTF8Check`, the JSON and CSV readers' check) and decoding has nothing
        // to repair. (`String(validating:)` resolves generic metadata at run time and
        // was a tenth of replay time; decoding and then comparing the result with the input
        // byte by byte was a tenth of a replay's decoding thread.)
        guard UTF8Check.firstInvalidOffset(slice) == nil else {
            offset = start
            throw failure(.invalidUTF8, "a UTF-8 string of \(count) bytes")
        }
        offset += count
        return String(decoding: slice, as: UTF8.self)
    }

    /// Reads any codable value; the type usually comes from the property being assigned.
    public mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws(PayloadDecodingError) -> T {
        try T(from: &self)
    }
}
