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
    private var pending: [ByteKey: [UInt8]] = [:]
    /// What `base` returned for keys read since the last flush (absent keys too): the engine
    /// looks up the same members, agreements and classes event after event, and each base read
    /// is a B-tree walk. A reference, because reads are not mutating; a flush starts a new one,
    /// so a copy of this state never sees values from another copy's base.
    private var reads = BaseReads()

    public init(_ base: Base) {
        self.base = base
    }

    /// How many keys wait to be written.
    public var pendingCount: Int { pending.count }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        let byteKey = ByteKey(key)
        if let value = pending[byteKey] { return value }
        if let remembered = reads.values[byteKey] { return remembered }
        let value = try base.get(key)
        // Only a cache: a dry run over a huge input never flushes, so it must not grow forever.
        if reads.values.count >= BaseReads.limit { reads.values.removeAll(keepingCapacity: true) }
        reads.values[byteKey] = .some(value)
        return value
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        pending[ByteKey(key)] = value
    }

    /// Writes every pending entry to the base store, in ascending key order, and empties the
    /// overlay. If the base throws, everything stays pending: writing an entry twice is harmless.
    public mutating func flush() throws {
        let entries = pending.sorted { $0.key < $1.key }
        for (key, value) in entries {
            try base.put(key.bytes, value)
        }
        pending.removeAll(keepingCapacity: true)
        reads = BaseReads()
    }

    /// The writes waiting for ``flush()``, in ascending key order: for a caller that copies
    /// them into another store than `base` (a dry run over a snapshot whose result is kept).
    public func pendingWrites() -> [(key: [UInt8], value: [UInt8])] {
        pending.sorted { $0.key < $1.key }.map { (key: $0.key.bytes, value: $0.value) }
    }

    /// Forgets every pending write (a rejected or abandoned batch).
    public mutating func discard() {
        pending.removeAll(keepingCapacity: true)
    }
}

extension CachedRuleState: Sendable where Base: Sendable {}

/// The read cache of one ``CachedRuleState`` (see `reads` there). Not shared across threads:
/// each rule check owns its state.
final class BaseReads: @unchecked Sendable {
    static let limit = 1 << 20
    var values: [ByteKey: [UInt8]?] = [:]
}
