#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte strings (kept in one buffer of its own) to values, found by a 64-bit hash of their
/// bytes (`PendingIndexes.hash`), every hit compared with them; keys whose hash another key
/// took first go to a dictionary by their bytes.
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
        everyKeyCollides ? 7 : PendingIndexes.hash(key)
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
