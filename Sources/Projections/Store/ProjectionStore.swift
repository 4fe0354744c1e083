import Domain

/// Where a projector keeps its read model: one key/value space per projector (an LMDB
/// database in the ledger, a dictionary in a rebuild).
///
/// Keys and values are raw bytes so that the same projector code runs inside the ledger's
/// append transaction and in a scratch replay, and so that a digest can be taken over the
/// exact bytes an auditor would compare.
public protocol ProjectionStore {
    /// The value stored under `key`, or `nil` when there is none.
    func get(_ key: [UInt8]) throws -> [UInt8]?
    /// Stores `value` under `key`, replacing any previous value.
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws
    /// Visits every entry whose key starts with `prefix`, in ascending order of key bytes
    /// (LMDB's order), so that queries and digests see the same sequence everywhere.
    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws
    /// Reads, changes and writes back one value in a single step.
    ///
    /// Replay spends most of its time here, so in-memory stores change the value in place
    /// (one hash lookup for a key that is or becomes present, no copy). The body must not set a
    /// present value to `nil`. A body that throws may leave its change to a present value in
    /// place (the in-memory stores do): one that must not restores the value before throwing,
    /// as `updateCounters` does.
    mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R
    /// `forEach` with the key and value lent for the duration of `body` only, for queries that
    /// walk many entries: a store that can (LMDB) hands out its own bytes instead of two arrays
    /// per entry. The default copies, through `forEach`.
    func forEachBorrowed(prefix: [UInt8], _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void)
        throws

    // The same three under a key built as a `ByteKey` (what the projectors do): no key array is
    // made, hashed apart and freed for each access. The defaults go through the array versions.

    /// `get` under a built key.
    func get(_ key: ByteKey) throws -> [UInt8]?
    /// `put` under a built key.
    mutating func put(_ key: ByteKey, _ value: [UInt8]) throws
    /// `update` under a built key.
    mutating func update<R>(_ key: ByteKey, _ body: (inout [UInt8]?) throws -> R) throws -> R
}

extension ProjectionStore {
    /// Get, change, put — and no write at all when the body left the value as it was,
    /// which keeps LMDB pages clean for look-ups that changed nothing.
    public mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        let old = try get(key)
        var value = old
        let result = try body(&value)
        if let value, value != old { try put(key, value) }
        return result
    }

    public func get(_ key: ByteKey) throws -> [UInt8]? {
        try get(key.bytes)
    }

    public mutating func put(_ key: ByteKey, _ value: [UInt8]) throws {
        try put(key.bytes, value)
    }

    public mutating func update<R>(_ key: ByteKey, _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(key.bytes, body)
    }

    public func forEachBorrowed(
        prefix: [UInt8], _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try forEach(prefix: prefix) { key, value in
            try key.withUnsafeBytes { key in try value.withUnsafeBytes { value in try body(key, value) } }
        }
    }

    /// `forEach` under a prefix built as a key.
    public func forEach(prefix: ByteKey, _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try forEach(prefix: prefix.bytes, body)
    }

    /// `forEachBorrowed` under a prefix built as a key.
    public func forEachBorrowed(
        prefix: ByteKey, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try forEachBorrowed(prefix: prefix.bytes, body)
    }

    /// Every entry under `prefix`, for tests and tools that want values rather than a walk.
    public func entries(prefix: [UInt8] = []) throws -> [(key: [UInt8], value: [UInt8])] {
        var result: [(key: [UInt8], value: [UInt8])] = []
        try forEach(prefix: prefix) { key, value in result.append((key, value)) }
        return result
    }
}
