import LEB128

/// Appends the record encoding's primitives to a byte buffer: fixed little-endian integers
/// for the envelope's numbers and LEB128 lengths for strings and blobs.
struct RecordWriter {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func fixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func varint(_ value: UInt64) {
        LEB128.append(value, to: &bytes)
    }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func blob(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optionalString(_ value: String?) {
        if let value {
            bytes.append(1)
            string(value)
        } else {
            bytes.append(0)
        }
    }

    mutating func optionalBlob(_ value: [UInt8]?) {
        if let value {
            bytes.append(1)
            blob(value)
        } else {
            bytes.append(0)
        }
    }
}

/// Bounds-checked reader over a record in the memory map: a damaged record throws, never traps.
struct RecordReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    private func need(_ n: Int, _ what: String) throws(RecordDecodingError) {
        if n < 0 || buffer.count - offset < n {
            throw RecordDecodingError(offset: offset, expected: what)
        }
    }

    @inline(__always)
    mutating func fixed<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(RecordDecodingError) -> T {
        try need(MemoryLayout<T>.size, what)
        let v = T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += MemoryLayout<T>.size
        return v
    }

    mutating func varint(_ what: String) throws(RecordDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            try need(1, what)
            let byte = buffer[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw RecordDecodingError(offset: offset - 1, expected: what) }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw RecordDecodingError(offset: offset, expected: what) }
        }
    }

    mutating func slice(_ what: String) throws(RecordDecodingError) -> UnsafeRawBufferPointer {
        let length = try varint(what)
        guard length <= UInt64(buffer.count - offset) else {
            throw RecordDecodingError(offset: offset, expected: "\(what) (\(length) bytes)")
        }
        let n = Int(length)
        let s = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + n)])
        offset += n
        return s
    }

    mutating func string(_ what: String) throws(RecordDecodingError) -> String {
        let s = try slice(what)
        guard let decoded = String(validating: s.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw RecordDecodingError(offset: offset - s.count, expected: "\(what) as UTF-8")
        }
        return decoded
    }

    mutating func flag(_ what: String) throws(RecordDecodingError) -> Bool {
        try need(1, what)
        let byte = buffer[offset]
        offset += 1
        guard byte <= 1 else { throw RecordDecodingError(offset: offset - 1, expected: "\(what) presence flag 0 or 1") }
        return byte == 1
    }

    mutating func optionalString(_ what: String) throws(RecordDecodingError) -> String? {
        try flag(what) ? try string(what) : nil
    }

    mutating func optionalSlice(_ what: String) throws(RecordDecodingError) -> UnsafeRawBufferPointer? {
        try flag(what) ? try slice(what) : nil
    }

    mutating func bytes(count: Int, _ what: String) throws(RecordDecodingError) -> UnsafeRawBufferPointer {
        try need(count, what)
        let s = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        offset += count
        return s
    }
}

/// A stored record that does not parse: the chain verifier reports it at its sequence.
public struct RecordDecodingError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let expected: String
    public var description: String { "record unreadable at byte \(offset): expected \(expected)" }
}
