/// What a slower base store (LMDB) returned for keys only read so far, absent keys included,
/// in front of which a write-back overlay sits (``CachedRuleState``, the projections'
/// `WriteBackCache`): the same members, agreements and classes are looked up event after event,
/// and each base read is a B-tree walk.
///
/// A reference, because a store's `get` is not mutating; the owner starts a new one whenever
/// its base changes (a flush), so copies of a store never see each other's stale reads. Owned
/// by one thread. Bounded: it is only a cache, and a dry run over a huge import never flushes.
///
/// `@unchecked Sendable`: stores holding it move between threads (an import's parser thread)
/// but each memo is used by one thread at a time, and a lock per lookup would cost a tenth of it.
public final class BaseReadMemo<Value>: @unchecked Sendable {
    @usableFromInline static var limit: Int { 1 << 20 }
    @usableFromInline var values: [ByteKey: Value?] = [:]

    public init() {}

    /// The remembered value (`.some(nil)` for a key known to be absent), or nil if never read.
    @inlinable public func remembered(_ key: ByteKey) -> Value?? {
        values[key]
    }

    /// The remembered value, else `read()`'s, which is then remembered.
    @inlinable public func value(for key: ByteKey, orRead read: () throws -> Value?) rethrows -> Value? {
        if let remembered = values[key] { return remembered }
        let value = try read()
        if values.count >= Self.limit { values.removeAll(keepingCapacity: true) }
        values[key] = .some(value)
        return value
    }
}
