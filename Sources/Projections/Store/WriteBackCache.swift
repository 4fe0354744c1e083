import Domain

/// Keeps a batch's reads and writes in memory in front of a slower store (LMDB), then
/// writes every changed key once, in key order, with `flush(into:)`.
///
/// A batch of 10k events touches the same counters thousands of times; without the cache
/// each touch is an LMDB get and put. Reads of keys not yet seen go to `base`.
public struct WriteBackCache<Base: ProjectionStore>: ProjectionStore {
    struct Entry {
        var value: [UInt8]?
        var dirty: Bool
    }

    /// The store reads fall through to.
    public private(set) var base: Base
    private var cached: [StoreKey: Entry] = [:]
    /// Base reads since the last flush (see `BaseReadMemo`).
    private var reads = BaseReadMemo<[UInt8]>()

    public init(base: Base) {
        self.base = base
    }

    /// Number of keys written since the last flush.
    public var dirtyCount: Int { cached.values.reduce(0) { $0 + ($1.dirty ? 1 : 0) } }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        try get(StoreKey(key))
    }

    public func get(_ key: ByteKey) throws -> [UInt8]? {
        if let entry = cached[key] { return entry.value }
        return try reads.value(for: key) { try base.get(key) }
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        put(StoreKey(key), value)
    }

    public mutating func put(_ key: ByteKey, _ value: [UInt8]) {
        cached[key] = Entry(value: value, dirty: true)
    }

    public mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(StoreKey(key), body)
    }

    public mutating func update<R>(_ storeKey: ByteKey, _ body: (inout [UInt8]?) throws -> R) throws -> R {
        // One probe for a cached key (it was three: test, insert, modify), changed in place.
        // Marked dirty whatever the body did: comparing would copy the value first.
        if let index = cached.index(forKey: storeKey) {
            return try Self.modify(&cached.values[index]) { entry in
                entry.dirty = true
                return try body(&entry.value)
            }
        }
        var entry = Entry(value: try reads.remembered(storeKey) ?? base.get(storeKey), dirty: true)
        defer { cached[storeKey] = entry }
        return try body(&entry.value)
    }

    /// Takes `value` as `key`'s current value without marking it changed: for a base known to
    /// lag behind by writes another transaction is about to commit (a mirror folds its next
    /// batch on a snapshot taken before the writer has committed the batch before).
    public mutating func remember(_ key: [UInt8], _ value: [UInt8]) {
        remember(StoreKey(key), value)
    }

    private mutating func remember(_ key: StoreKey, _ value: [UInt8]) {
        cached[key] = Entry(value: value, dirty: false)
    }

    /// The base's entries merged with this batch's writes (and remembered values), in key order.
    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        let pending = cached.filter { $0.key.hasPrefix(prefix) }.keys.sorted()
        var next = 0
        try base.forEach(prefix: prefix) { key, value in
            while next < pending.count, StoreKey.compare(pending[next].bytes, key) < 0 {
                try emit(pending[next], body)
                next += 1
            }
            if next < pending.count, pending[next].bytes == key {
                try emit(pending[next], body)
                next += 1
            } else {
                try body(key, value)
            }
        }
        while next < pending.count {
            try emit(pending[next], body)
            next += 1
        }
    }

    /// Hands the dictionary's storage to `body` in place, so the value is not copied.
    private static func modify<R>(_ entry: inout Entry, _ body: (inout Entry) throws -> R) rethrows -> R {
        try body(&entry)
    }

    private func emit(_ key: StoreKey, _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        if let value = cached[key]?.value { try body(key.bytes, value) }
    }

    /// Reads of keys not seen yet go to `base` from now on; what the cache holds stays. For an
    /// owner that keeps one cache across transactions and knows that every key it has not seen
    /// reads the same in `base` as in the base before (no one else writes the store).
    public mutating func rebase(_ base: Base) {
        self.base = base
    }

    /// Number of keys held (read, written or remembered), for an owner that bounds its memory.
    public var cachedCount: Int { cached.count }

    /// The changed keys and their values, in ascending key order (a key written and then
    /// removed is left out), and the changed keys are clean from now on (their values stay
    /// cached): for an owner that hands each batch's writes to another transaction, and for
    /// `flush(into:)`. The keys stay `ByteKey`s: building an array of each was a fifth of this
    /// hand-over.
    ///
    /// One walk of the table gathers each changed key with its value and marks it clean in
    /// place; only then are the keys sorted. It used to sort the keys first and then probe the
    /// table twice per changed key for its value and flag (the whole hand-over was 15 % of a
    /// mirror's fold samples).
    public mutating func takeDirtyEntries() -> [(key: ByteKey, value: [UInt8])] {
        var changed: [(key: ByteKey, value: [UInt8])] = []
        var index = cached.startIndex
        while index != cached.endIndex {
            if cached.values[index].dirty {
                cached.values[index].dirty = false
                if let value = cached.values[index].value { changed.append((cached.keys[index], value)) }
            }
            cached.formIndex(after: &index)
        }
        return ByteKey.ascending(pairs: changed)
    }

    /// Drops every cached key and base read except `kept`, remembered as clean: bounds the
    /// memory of a long-lived cache whose base may still lack `kept` (writes not committed yet).
    public mutating func forget(keeping kept: [(key: ByteKey, value: [UInt8])]) {
        cached.removeAll(keepingCapacity: true)
        reads = BaseReadMemo<[UInt8]>()
        for entry in kept { remember(entry.key, entry.value) }
    }

    /// Writes every changed key into `target` in ascending key order (cheap for LMDB's
    /// B-tree) and keeps the values as clean cache entries for the next batch.
    public mutating func flush(into target: inout Base) throws {
        for (key, value) in takeDirtyEntries() { try target.put(key, value) }
        base = target
        reads = BaseReadMemo<[UInt8]>()
    }
}

extension WriteBackCache: Sendable where Base: Sendable {}
