import Domain

/// Builds keys: a one-byte entity prefix followed by ids and fixed-width numbers.
///
/// Identifiers are letters, digits and `._:-` (Domain validates them), so a 0x00 byte can
/// end one id inside a composite key and keeps byte order equal to string order.
enum KeyBytes {
    /// Prefix 0x00 is reserved for projection metadata (the checkpoint); entity prefixes
    /// are printable letters.
    static let metaPrefix: UInt8 = 0x00
    static let separator: UInt8 = 0x00

    // Keys are built as `StoreKey`s, byte by byte into the key's own words: an array per key
    // (made, hashed apart, freed) was a tenth of a replay's fold.

    static func make(_ prefix: UInt8, _ id: String) -> StoreKey {
        StoreKey(tag: prefix, id)
    }

    static func make(_ prefix: UInt8, year: Int) -> StoreKey {
        var key = StoreKey(tag: prefix)
        appendYear(year, to: &key)
        return key
    }

    static func make(_ prefix: UInt8, year: Int, _ id: String) -> StoreKey {
        var key = StoreKey(tag: prefix)
        appendYear(year, to: &key)
        key.append(utf8: id)
        return key
    }

    /// Two bytes, big-endian, so years sort numerically (0…65535 covers LocalDate's range).
    static func yearBytes(_ year: Int) -> (high: UInt8, low: UInt8) {
        let clamped = UInt16(clamping: year)
        return (UInt8(clamped >> 8), UInt8(clamped & 0xFF))
    }

    /// `yearBytes` appended to a value (a class's opening year beside its pair).
    static func appendYear(_ year: Int, to value: inout [UInt8]) {
        let bytes = yearBytes(year)
        value.append(bytes.high)
        value.append(bytes.low)
    }

    static func appendYear(_ year: Int, to key: inout StoreKey) {
        let bytes = yearBytes(year)
        key.append(bytes.high)
        key.append(bytes.low)
    }

    static func year(at offset: Int, in key: [UInt8]) -> Int {
        guard key.count >= offset + 2 else { return 0 }
        return Int(key[offset]) << 8 | Int(key[offset + 1])
    }

    /// The bytes after `offset` as an id.
    static func id(after offset: Int, in key: [UInt8]) -> String {
        guard offset < key.count else { return "" }
        return String(decoding: key[offset...], as: UTF8.self)
    }
}

/// Decoding and encoding of the small binary entities projectors keep, with the Domain
/// payload codec (varints, length-prefixed UTF-8) so read models are as compact as events.
enum EntityCodec {
    static func decode<T>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { raw in try decode(raw, body) }
    }

    /// From bytes a store lends (`forEachBorrowed`).
    static func decode<T>(_ raw: UnsafeRawBufferPointer, _ body: (inout BinaryReader) throws -> T) throws -> T {
        var reader = BinaryReader(raw)
        return try body(&reader)
    }

    static func encode(capacity: Int = 32, _ body: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter(capacity: capacity)
        body(&writer)
        return writer.bytes
    }
}

extension BinaryReader {
    /// A DomainEnum stored as its case position (as `BinaryCodable` writes it), looked up in
    /// `cases` built once by the caller: decoding through the enum's own conformance builds
    /// `allCases` — an array — per value, and queries decode one per entry walked.
    mutating func readCase<E: DomainEnum>(of cases: [E]) throws -> E {
        let position = try readVarint()
        guard position < UInt64(cases.count) else {
            throw failure(.invalidValue, "a \(E.self) case number below \(cases.count), got \(position)")
        }
        return cases[Int(position)]
    }
}
