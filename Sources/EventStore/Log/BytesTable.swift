#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte strings (kept in one buffer of its own) to values, found by a 64-bit hash of their
/// bytes (`WordMixHash`), every hit compared with them; keys whose hash another key took first
/// go to a dictionary by their bytes.
///
/// Why: a mirror's check looked each record's stream up as a `String` it made for the purpose,
/// hashed with SipHash and compared through the string machinery (about 5 % of a mirror copy).
struct BytesTable<Value> {
    private struct Slot {
        var start: Int32
        var count: Int32
        var value: Value
    }

    private var arena: [UInt8] = []
    private var slots: [UInt64: Slot] = [:]
    private var collisions: [[UInt8]: Value] = [:]
    /// Tests set it to give every key the same hash, to exercise the collision path.
    private let everyKeyCollides: Bool

    init(everyKeyCollides: Bool = false) {
        self.everyKeyCollides = everyKeyCollides
    }

    private func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        everyKeyCollides ? 7 : WordMixHash.hash(key)
    }

    /// The value stored under `key`, if any.
    func value(for key: UnsafeRawBufferPointer) -> Value? {
        guard let slot = slots[hash(key)] else { return nil }
        return holds(slot, key) ? slot.value : collisions[Array(key)]
    }

    /// Stores `value` under `key`, replacing any value stored under it.
    mutating func set(_ value: Value, for key: UnsafeRawBufferPointer) {
        let hash = self.hash(key)
        if let index = slots.index(forKey: hash) {
            if holds(slots.values[index], key) {
                slots.values[index].value = value
            } else {
                collisions[Array(key)] = value
            }
            return
        }
        let start = arena.count
        arena.append(contentsOf: key)
        slots[hash] = Slot(start: Int32(start), count: Int32(key.count), value: value)
    }

    /// Forgets every key, keeping the storage for the next ones.
    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        collisions.removeAll()
    }

    private func holds(_ slot: Slot, _ key: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.count) == key.count else { return false }
        guard let other = key.baseAddress else { return true }
        return arena.withUnsafeBytes { base in
            guard let origin = base.baseAddress else { return false }
            return memcmp(origin + Int(slot.start), other, key.count) == 0
        }
    }
}

/// A 64-bit mix of bytes, a word at a time, for the in-memory byte tables (`BytesTable`,
/// `PendingIndexes`): every hit is compared with the bytes, so its quality decides speed,
/// never an answer.
enum WordMixHash {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
