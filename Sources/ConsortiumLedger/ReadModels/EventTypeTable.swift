import Domain

/// The storage type code of a record's type name, read from the name's raw bytes.
///
/// Why: replay and audit named the type by building a `String` per record (a heap allocation
/// for names over 15 bytes) and hashing it with SipHash. This table hashes the bytes in place
/// (FNV-1a) into an open-addressing table of the 36 catalogue names and confirms with a byte
/// comparison, so an unknown or damaged name is never mistaken for a known one.
struct EventTypeTable: Sendable {
    static let shared = EventTypeTable(names: DomainEvent.allTypeNames)

    /// Per slot the code of the name there (0: empty) and where the name lies in `names`: plain
    /// integers, so a probe copies no array out of the table (and retains and releases none).
    private let codes: [UInt16]
    private let spans: [(start: Int, count: Int)]
    private let names: [UInt8]
    private let mask: Int

    /// `names` in type-code order (index = code - 1).
    init(names catalogue: [String]) {
        var size = 16
        while size < catalogue.count * 4 { size *= 2 }
        var codes = [UInt16](repeating: 0, count: size)
        var spans = [(start: Int, count: Int)](repeating: (0, 0), count: size)
        var names: [UInt8] = []
        for (index, name) in catalogue.enumerated() {
            let bytes = Array(name.utf8)
            var position = bytes.withUnsafeBytes { Self.hash($0) } & (size - 1)
            while codes[position] != 0 { position = (position + 1) & (size - 1) }
            codes[position] = UInt16(index + 1)
            spans[position] = (names.count, bytes.count)
            names += bytes
        }
        self.codes = codes
        self.spans = spans
        self.names = names
        mask = size - 1
    }

    /// The code of the name in `bytes`, or nil when the catalogue has no such name.
    func code(of bytes: UnsafeRawBufferPointer) -> UInt16? {
        var position = Self.hash(bytes) & mask
        while codes[position] != 0 {
            let span = spans[position]
            if span.count == bytes.count,
                names.withUnsafeBytes({ $0[span.start..<span.start + span.count].elementsEqual(bytes) })
            {
                return codes[position]
            }
            position = (position + 1) & mask
        }
        return nil
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
