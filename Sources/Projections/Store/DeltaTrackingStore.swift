import Domain

/// An in-memory read model that also knows what changed since the last boundary: the audit
/// folds the log once and, at every stored read-model snapshot's position, takes the digest
/// of exactly the entries the snapshot must hold (docs/TIME-TRAVEL.md), instead of folding
/// the whole log a second time for the snapshots.
///
/// The first write to a key after a boundary remembers the key's value at that boundary;
/// at the next boundary the changed entries are those whose value now differs from it
/// (keys under the meta prefix and absent keys left out, as the checkpointer does).
/// With tracking off it is the plain store plus one flag test per write.
public struct DeltaTrackingStore: ProjectionStore, Sendable {
    public internal(set) var base: InMemoryProjectionStore
    /// Whether writes are remembered (off once the last boundary is passed, or never on).
    public var tracking: Bool
    /// Each key written since the last boundary, with its value then (`nil`: absent).
    private var before: [StoreKey: [UInt8]?] = [:]

    public init(_ base: InMemoryProjectionStore, tracking: Bool) {
        self.base = base
        self.tracking = tracking
    }

    public func get(_ key: [UInt8]) throws -> [UInt8]? {
        base.get(StoreKey(key))
    }

    public func get(_ key: ByteKey) -> [UInt8]? {
        base.get(key)
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        put(StoreKey(key), value)
    }

    public mutating func put(_ key: ByteKey, _ value: [UInt8]) {
        if tracking { remember(key) }
        base.put(key, value)
    }

    public mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(StoreKey(key), body)
    }

    public mutating func update<R>(_ key: ByteKey, _ body: (inout [UInt8]?) throws -> R) rethrows -> R {
        if tracking { remember(key) }
        return try base.update(key, body)
    }

    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try base.forEach(prefix: prefix, body)
    }

    private mutating func remember(_ key: StoreKey) {
        // One probe of `before` (its defaulting accessor inserts in place); the base is read
        // only for a key not yet remembered since the boundary.
        Self.touch(&before[key, default: base.get(key)])
    }

    private static func touch(_ value: inout [UInt8]?) {}

    /// The SHA-256 (lower-case hex, `ReadModelDigest`'s framing, key order) of the entries
    /// changed since the previous boundary; this position becomes the boundary.
    public mutating func takeDeltaDigest() -> String {
        // Only the changed keys are sorted, and as keys alone (`StoreKey.ascending`): sorting
        // every remembered entry with its value was a quarter of the audit's fold.
        // Each changed value is kept beside its key, so the base is probed once per key.
        var changed: [(key: StoreKey, value: [UInt8])] = []
        for (key, old) in before where key.first != KeyBytes.metaPrefix {
            if let value = base.get(key), old != value { changed.append((key, value)) }
        }
        var digest = FramedDigest()
        for (key, value) in StoreKey.ascending(pairs: changed) {
            key.withUnsafeBytes { key in value.withUnsafeBytes { digest.add(key: key, value: $0) } }
        }
        before.removeAll(keepingCapacity: true)
        return digest.hex()
    }
}
