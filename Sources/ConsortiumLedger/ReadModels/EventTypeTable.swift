import Domain

/// The storage type code of a record's type name, read from the name's raw bytes.
///
/// Why: replay and audit named the type by building a `String` per record (a heap allocation
/// for names over 15 bytes) and hashing it with SipHash. This table hashes the bytes in place
/// (FNV-1a) into an open-addressing table of the 36 catalogue names and confirms with a byte
/// comparison, so an unknown or damaged name is never mistaken for a known one.
struct EventTypeTable: Sendable {
    static let shared = EventTypeTable(names: DomainEvent.allTypeNames)

    private struct Slot: Sendable {
        var name: [UInt8]
        var code: UInt16
    }

    private let slots: [Slot?]
    private let mask: Int

    /// `names` in type-code order (index = code - 1).
    init(names: [String]) {
        var size = 16
        while size < names.count * 4 { size *= 2 }
        var slots = [Slot?](repeating: nil, count: size)
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            var position = bytes.withUnsafeBytes { Self.hash($0) } & (size - 1)
            while slots[position] != nil { position = (position + 1) & (size - 1) }
            slots[position] = Slot(name: bytes, code: UInt16(index + 1))
        }
        self.slots = slots
        mask = size - 1
    }

    /// The code of the name in `bytes`, or nil when the catalogue has no such name.
    func code(of bytes: UnsafeRawBufferPointer) -> UInt16? {
        var position = Self.hash(bytes) & mask
        while let slot = slots[position] {
            if slot.name.count == bytes.count, slot.name.withUnsafeBytes({ $0.elementsEqual(bytes) }) {
                return slot.code
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
