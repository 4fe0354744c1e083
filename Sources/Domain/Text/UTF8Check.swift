/// Where bytes stop being UTF-8: the check every input path runs before it trusts text (see
/// docs/HOSTILE-INPUT.md).
///
/// Why: `String(decoding:as:)` quietly replaces bad bytes with U+FFFD, so `ledger append` once
/// recorded altered text while `ledger import` refused the same bytes. Refusing with the byte
/// offset lets the sender find and fix the byte instead of the ledger guessing.
public enum UTF8Check {
    /// The zero-based offset of the first byte that does not belong to valid UTF-8 (overlong
    /// forms, surrogates and code points above U+10FFFF included), or nil when all are valid.
    public static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            // Whole words of ASCII at a time: ids, codes and most text are nothing else.
            while i + 8 <= n, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return i
            }
            guard i + 1 < n, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length {
                guard i + k < n, (0x80...0xBF).contains(bytes[i + k]) else { return i }
            }
            i += length
        }
        return nil
    }

    /// ``firstInvalidOffset(_:)`` over any contiguous bytes.
    public static func firstInvalidOffset<Bytes: Sequence<UInt8>>(in bytes: Bytes) -> Int? {
        if let found = bytes.withContiguousStorageIfAvailable({ firstInvalidOffset(UnsafeRawBufferPointer($0)) }) {
            return found
        }
        return Array(bytes).withUnsafeBytes { firstInvalidOffset($0) }
    }

    /// The text, or an error naming `what` and the offset of the first invalid byte.
    public static func decode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, what: String) throws(InvalidUTF8) -> String {
        let array = Array(bytes)
        if let offset = firstInvalidOffset(in: array) {
            throw InvalidUTF8(what: what, offset: offset, byte: array[offset])
        }
        return String(decoding: array, as: UTF8.self)
    }
}

/// Input that is not valid UTF-8, located to the byte.
public struct InvalidUTF8: Error, Sendable, Equatable, CustomStringConvertible {
    /// What held the bytes: `standard input`, `argument 3`, `line 7`.
    public var what: String
    /// Zero-based offset of the first invalid byte within it.
    public var offset: Int
    public var byte: UInt8

    public init(what: String, offset: Int, byte: UInt8) {
        self.what = what
        self.offset = offset
        self.byte = byte
    }

    public var description: String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "\(what) is not valid UTF-8: byte 0x\(hex.count < 2 ? "0" : "")\(hex) at offset \(offset) "
            + "(expected UTF-8 text; the ledger refuses rather than replacing it with U+FFFD)"
    }
}
