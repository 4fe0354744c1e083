/// A write-back overlay over another rule state: writes stay in memory until ``flush()``.
///
/// Why: within one import batch the same few records (a class's fill, a budget's approved
/// total, the lead member) are rewritten thousands of times; the overlay turns those into one
/// store write per key at the end of the batch, in key order (which LMDB inserts fastest).
/// Reads see the overlay first, so the engine always sees its own earlier writes.
///
/// It also serves "validate the whole file before writing anything": run every event against
/// an overlay over the committed state and drop it with ``discard()`` — or keep it and flush.
public struct CachedRuleState<Base: RuleStateStore>: RuleStateStore {
    /// The wrapped store; holds only what has been flushed.
    public private(set) var base: Base
    /// Kept as the engine wrote them: encoded once, by the flush.
    private var pending: [ByteKey: RuleRecord] = [:]
    /// Base reads since the last flush (see ``BaseReadMemo``).
    private var reads = BaseReadMemo<RuleRecord>()

    public init(_ base: Base) {
        self.base = base
    }

    /// How many keys wait to be written.
    public var pendingCount: Int { pending.count }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        try record(ByteKey(key))?.bytes
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        pending[ByteKey(key)] = RuleRecord(bytes: value)
    }

    public func record(_ key: ByteKey) throws -> RuleRecord? {
        if let record = pending[key] { return record }
        return try reads.value(for: key) { try base.record(key) }
    }

    public mutating func put(_ key: ByteKey, record: RuleRecord) {
        pending[key] = record
    }

    /// Writes every pending entry to the base store, in ascending key order, and empties the
    /// overlay. If the base throws, everything stays pending: writing an entry twice is harmless.
    public mutating func flush() throws {
        for (key, record) in ByteKey.ascending(pairs: pending) {
            try base.put(key, record: record)
        }
        pending.removeAll(keepingCapacity: true)
        reads = BaseReadMemo()
    }

    /// The writes waiting for ``flush()``, in ascending key order: for a caller that copies
    /// them into another store than `base` (a dry run over a snapshot whose result is kept).
    public func pendingWrites() -> [(key: ByteKey, value: [UInt8])] {
        ByteKey.ascending(pairs: pending).map { (key: $0.key, value: $0.value.bytes) }
    }

    /// Forgets every pending write (a rejected or abandoned batch).
    public mutating func discard() {
        pending.removeAll(keepingCapacity: true)
    }
}

extension CachedRuleState: Sendable where Base: Sendable {}
