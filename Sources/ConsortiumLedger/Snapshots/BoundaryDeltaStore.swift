import Domain
import Projections

/// One read model folded forward from a base (a stored snapshot, or a replayed model) that
/// knows, at each boundary, exactly which entries changed since the previous one.
///
/// Each key lives in one dictionary entry holding its current value and whether it was
/// written since the last boundary; the first write after a boundary notes the key and a copy
/// of its value then (which is its value at the boundary) in `BoundaryNotes` beside the
/// dictionary, so a write costs one probe and a boundary looks only at the keys written since
/// the last one.
/// Reads of keys never written go to the base once (`BaseReadMemo`: a snapshot's base read is
/// a B-tree seek).
struct BoundaryDeltaStore<Base: ProjectionStore>: ProjectionStore {
    private struct Entry {
        var value: [UInt8]?
        /// Written since the last boundary (its key and value then are in the arrays).
        var written: Bool
        /// Written at all since the base (what `pendingWrites()` hands back).
        var dirty: Bool
    }

    let base: Base
    private var entries: [ByteKey: Entry] = [:]
    /// Keys first written since the last boundary, and each one's value at it.
    private var notes = BoundaryNotes()
    private let reads = BaseReadMemo<[UInt8]>()

    init(base: Base) {
        self.base = base
    }

    func get(_ key: [UInt8]) throws -> [UInt8]? {
        try get(ByteKey(key))
    }

    func get(_ key: ByteKey) throws -> [UInt8]? {
        if let entry = entries[key] { return entry.value }
        return try reads.value(for: key) { try base.get(key) }
    }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        try update(ByteKey(key)) { $0 = value }
    }

    mutating func put(_ key: ByteKey, _ value: [UInt8]) throws {
        try update(key) { $0 = value }
    }

    mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(ByteKey(key), body)
    }

    mutating func update<R>(_ storeKey: ByteKey, _ body: (inout [UInt8]?) throws -> R) throws -> R {
        if let index = entries.index(forKey: storeKey) {
            return try Self.modify(&entries.values[index]) { entry in
                if !entry.written {
                    entry.written = true
                    notes.note(storeKey, before: entry.value)
                }
                entry.dirty = true
                return try body(&entry.value)
            }
        }
        let before = try reads.remembered(storeKey) ?? base.get(storeKey)
        var entry = Entry(value: before, written: true, dirty: true)
        notes.note(storeKey, before: before)
        defer { entries[storeKey] = entry }
        return try body(&entry.value)
    }

    /// The base's entries with this fold's values in their place, in key order.
    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        var pending: [ByteKey] = []
        for key in entries.keys where key.hasPrefix(prefix) { pending.append(key) }
        pending.sort()
        var next = 0
        func emit(_ key: ByteKey) throws {
            if let value = entries[key]?.value { try body(key.bytes, value) }
        }
        try base.forEach(prefix: prefix) { key, value in
            while next < pending.count, ByteKey.compare(pending[next].bytes, key) < 0 {
                try emit(pending[next])
                next += 1
            }
            if next < pending.count, pending[next].bytes == key {
                try emit(pending[next])
                next += 1
            } else {
                try body(key, value)
            }
        }
        while next < pending.count {
            try emit(pending[next])
            next += 1
        }
    }

    /// The entries whose value differs from the last boundary (the base, the first time), in
    /// key order; this position becomes the boundary. Keys under the meta prefix (a model's
    /// own bookkeeping) and absent values are left out, as in `ReadModelDigest`.
    mutating func takeDelta() -> [(key: [UInt8], value: [UInt8])] {
        let order = ByteKey.ascendingOrder(notes.keys)
        var changed: [(key: [UInt8], value: [UInt8])] = []
        for position in order {
            let key = notes.keys[position]
            guard let index = entries.index(forKey: key) else { continue }
            let value = Self.modify(&entries.values[index]) { entry -> [UInt8]? in
                entry.written = false
                return entry.value
            }
            guard let value, !notes.value(at: position, equals: value), key.first != 0 else { continue }
            changed.append((key.bytes, value))
        }
        notes.removeAll()
        return changed
    }

    /// Makes `key` part of the next delta as if its value at the last boundary had been
    /// `atBoundary`: for changes the base already holds that the boundary does not (an
    /// import's base is the live model, its first snapshot's base an older snapshot).
    /// Call before any write since the last boundary.
    mutating func seed(_ key: [UInt8], atBoundary: [UInt8]?) throws {
        let storeKey = ByteKey(key)
        if let index = entries.index(forKey: storeKey) {
            let alreadyNoted = Self.modify(&entries.values[index]) { entry -> Bool in
                defer { entry.written = true }
                return entry.written
            }
            if let position = notes.keys.firstIndex(of: storeKey), alreadyNoted {
                notes.replaceValue(at: position, with: atBoundary)
                return
            }
        } else {
            let value = try reads.remembered(storeKey) ?? base.get(key)
            entries[storeKey] = Entry(value: value, written: true, dirty: false)
        }
        notes.note(storeKey, before: atBoundary)
    }

    /// Every entry written since the base, in key order (absent values left out): what a
    /// caller writes into the base's database.
    func pendingWrites() -> [(key: ByteKey, value: [UInt8])] {
        var written: [(key: ByteKey, value: [UInt8])] = []
        for (key, entry) in entries where entry.dirty {
            if let value = entry.value { written.append((key, value)) }
        }
        return ByteKey.ascending(pairs: written)
    }

    /// Hands the dictionary's storage to `body` in place, so the entry is not copied.
    private static func modify<R>(_ entry: inout Entry, _ body: (inout Entry) throws -> R) rethrows -> R {
        try body(&entry)
    }
}
