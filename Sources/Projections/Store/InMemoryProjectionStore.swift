import Domain

/// A read model held in memory: what `--as-of` replays and audit rebuilds fold into.
///
/// Writes go to a dictionary (no ordering work while folding millions of events); the
/// sorted order LMDB would give is produced when a prefix is walked, or once for all by
/// `sortIndex()` when many queries follow a rebuild.
public struct InMemoryProjectionStore: ProjectionStore, Sendable {
    /// A value and the last boundary period a tracker (`DeltaTrackingStore`) noted it in, so
    /// that noting a key's first write since a boundary costs no second dictionary.
    struct Entry {
        /// `nil` only while a body runs on a new key: one that leaves the key absent (or throws)
        /// stores nothing, and no body may set a stored value to `nil` (`ProjectionStore`).
        var value: [UInt8]?
        /// 0: never noted.
        var period: UInt32
    }

    private var entries: [StoreKey: Entry]
    /// All keys in order, valid only while no key has been added or removed since.
    private var sortedKeys: [StoreKey]?

    public init(minimumCapacity: Int = 0) {
        entries = Dictionary(minimumCapacity: minimumCapacity)
        sortedKeys = nil
    }

    /// Number of keys stored.
    public var count: Int { entries.count }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        entries[StoreKey(key)]?.value
    }

    public func get(_ key: ByteKey) -> [UInt8]? {
        entries[key]?.value
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        put(StoreKey(key), value)
    }

    public mutating func put(_ key: ByteKey, _ value: [UInt8]) {
        let count = entries.count
        entries[key, default: Entry(value: nil, period: 0)].value = value
        if entries.count != count { sortedKeys = nil }
    }

    public mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(StoreKey(key), body)
    }

    public mutating func update<R>(_ storeKey: ByteKey, _ body: (inout [UInt8]?) throws -> R) rethrows -> R {
        var none = BoundaryNotes()
        return try update(storeKey, notingIn: 0, notes: &none, body)
    }

    /// `update`, and when the key was not noted in `period` yet (and `period` is not 0), notes
    /// it in `notes` with its value before this write. One probe for a stored key (its entry is
    /// changed in place) and for a new key the body stores; a new key it leaves absent, or whose
    /// body throws, is inserted and taken out again (and its note taken back). A throwing body's
    /// change to a stored value stays, as with any in-place update: the callers that throw
    /// (`updateCounters`) restore the value first.
    mutating func update<R>(
        _ storeKey: ByteKey, notingIn period: UInt32, notes: inout BoundaryNotes,
        _ body: (inout [UInt8]?) throws -> R
    ) rethrows -> R {
        let count = entries.count
        var stored = false
        var noted = false
        defer {
            if entries.count != count {
                // A new key: the sorted index is stale, and a body that stored nothing (or
                // threw) leaves no entry.
                if stored {
                    sortedKeys = nil
                } else {
                    entries[storeKey] = nil
                    if noted { notes.removeLast() }
                }
            }
        }
        return try Self.modify(&entries[storeKey, default: Entry(value: nil, period: 0)]) { entry in
            if period != 0, entry.period != period {
                notes.note(storeKey, before: entry.value)
                noted = true
                entry.period = period
            }
            let existed = entry.value != nil
            let result = try body(&entry.value)
            stored = entry.value != nil
            assert(stored || !existed, "a body set a stored value to nil")
            return result
        }
    }

    /// Clears every noted period, for a tracker whose period counter wrapped around.
    mutating func clearNotedPeriods() {
        // Walking `entries.indices` would hold a copy of the dictionary and make the first
        // write copy the whole table.
        var index = entries.startIndex
        while index != entries.endIndex {
            entries.values[index].period = 0
            entries.formIndex(after: &index)
        }
    }

    /// Hands the dictionary's storage to `body` in place, so the value is not copied.
    private static func modify<R>(_ entry: inout Entry, _ body: (inout Entry) throws -> R) rethrows -> R {
        try body(&entry)
    }

    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        if let sortedKeys {
            var index = Self.lowerBound(of: prefix, in: sortedKeys)
            while index < sortedKeys.count, sortedKeys[index].hasPrefix(prefix) {
                let key = sortedKeys[index]
                if let value = entries[key]?.value { try body(key.bytes, value) }
                index += 1
            }
            return
        }
        var matching: [StoreKey] = []
        for key in entries.keys where key.hasPrefix(prefix) { matching.append(key) }
        matching.sort()
        for key in matching {
            if let value = entries[key]?.value { try body(key.bytes, value) }
        }
    }

    /// Lends each entry's key and value in place (the digest of a replayed model walks every
    /// entry: building two arrays for each was most of its time).
    public func forEachBorrowed(
        prefix: [UInt8], _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        func visit(_ key: StoreKey) throws {
            guard let value = entries[key]?.value else { return }
            try key.withUnsafeBytes { key in try value.withUnsafeBytes { try body(key, $0) } }
        }
        guard let sortedKeys else {
            for key in entries.keys.filter({ $0.hasPrefix(prefix) }).sorted() { try visit(key) }
            return
        }
        var index = Self.lowerBound(of: prefix, in: sortedKeys)
        while index < sortedKeys.count, sortedKeys[index].hasPrefix(prefix) {
            try visit(sortedKeys[index])
            index += 1
        }
    }

    /// Sorts all keys once so that later prefix walks are a binary search plus a scan.
    public mutating func sortIndex() {
        if sortedKeys == nil { sortedKeys = StoreKey.ascending(entries.keys) }
    }

    static func lowerBound(of prefix: [UInt8], in keys: [StoreKey]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if StoreKey.compare(keys[mid].bytes, prefix) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
