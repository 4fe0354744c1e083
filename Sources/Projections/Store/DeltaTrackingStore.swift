import Domain

/// An in-memory read model that also knows what changed since the last boundary: the audit
/// folds the log once and, at every stored read-model snapshot's position, takes the digest
/// of exactly the entries the snapshot must hold (docs/TIME-TRAVEL.md), instead of folding
/// the whole log a second time for the snapshots.
///
/// The first write to a key after a boundary notes the key and a copy of its value then
/// (`BoundaryNotes`); the base's own entry records that it was noted in this period (one probe
/// per write, not a second dictionary). At the next boundary the changed entries are those
/// whose value now differs from it (keys under the meta prefix and absent keys left out, as the
/// checkpointer does). With tracking off it is the plain store plus one flag test per write.
public struct DeltaTrackingStore: ProjectionStore, Sendable {
    public internal(set) var base: InMemoryProjectionStore
    /// Whether writes are noted (off once the last boundary is passed, or never on).
    public var tracking: Bool {
        didSet { if !oldValue { forgetOtherTrackersMarks() } }
    }
    /// The period since the last boundary, as the base's entries record it (never 0; set by a
    /// test to reach the counter's wrap).
    var period: UInt32 = 1
    /// Keys first written since the last boundary, and each one's value then.
    private var notes = BoundaryNotes()

    public init(_ base: InMemoryProjectionStore, tracking: Bool) {
        self.base = base
        self.tracking = tracking
        forgetOtherTrackersMarks()  // `didSet` does not run in an initializer
    }

    /// A base another tracker noted keys in would hide their first writes from this one.
    private mutating func forgetOtherTrackersMarks() {
        if tracking, base.count > 0 { base.clearNotedPeriods() }
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
        update(key) { $0 = value }
    }

    public mutating func update<R>(_ key: [UInt8], _ body: (inout [UInt8]?) throws -> R) throws -> R {
        try update(StoreKey(key), body)
    }

    public mutating func update<R>(_ key: ByteKey, _ body: (inout [UInt8]?) throws -> R) rethrows -> R {
        guard tracking else { return try base.update(key, body) }
        // Noted even when the body throws: the base's entry already says so.
        return try base.update(key, notingIn: period, notes: &notes, body)
    }

    public func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        try base.forEach(prefix: prefix, body)
    }

    /// The SHA-256 (lower-case hex, `ReadModelDigest`'s framing, key order) of the entries
    /// changed since the previous boundary; this position becomes the boundary.
    public mutating func takeDeltaDigest() -> String {
        // Only the changed keys are sorted, and as keys alone (`StoreKey.ascendingOrder`):
        // sorting every noted entry with its value was a quarter of the audit's fold. Each
        // changed value is kept beside its key, so the base is probed once per key.
        var changedKeys: [StoreKey] = []
        var changedValues: [[UInt8]] = []
        for (index, key) in notes.keys.enumerated() where key.first != KeyBytes.metaPrefix {
            if let value = base.get(key), !notes.value(at: index, equals: value) {
                changedKeys.append(key)
                changedValues.append(value)
            }
        }
        var digest = FramedDigest()
        for position in StoreKey.ascendingOrder(changedKeys) {
            changedKeys[position].withUnsafeBytes { key in
                changedValues[position].withUnsafeBytes { digest.add(key: key, value: $0) }
            }
        }
        notes.removeAll()
        if period == .max {
            base.clearNotedPeriods()
            period = 1
        } else {
            period += 1
        }
        return digest.hex()
    }
}
