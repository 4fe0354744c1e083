/// Where the rule engine keeps what it must remember between appends (members, agreements,
/// class fill, claim totals …), as opaque bytes under opaque keys.
///
/// The ledger implements it over an LMDB database inside the append's write transaction, so
/// the rules see exactly the state the batch is written against and a concurrent writer
/// cannot slip past a rule; tests use ``InMemoryRuleStateStore``. The engine only ever
/// reads and overwrites whole values: nothing is deleted, so a store needs no delete.
public protocol RuleStateStore {
    /// The value stored under `key`, or `nil` when nothing is.
    func get(_ key: [UInt8]) throws -> [UInt8]?
    /// Stores `value` under `key`, replacing any earlier value.
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws
    /// The value under `key` as a record: what the engine reads. A store that keeps the
    /// engine's entities decoded returns them as they are; the default wraps `get`'s bytes.
    func record(_ key: ByteKey) throws -> RuleRecord?
    /// What the engine writes. The default stores the record's bytes with `put`.
    mutating func put(_ key: ByteKey, record: RuleRecord) throws
}

extension RuleStateStore {
    public func record(_ key: ByteKey) throws -> RuleRecord? {
        try get(key.bytes).map(RuleRecord.init(bytes:))
    }

    public mutating func put(_ key: ByteKey, record: RuleRecord) throws {
        try put(key.bytes, record.bytes)
    }
}

/// A dictionary-backed rule state for tests, tools and scratch replays (the audit rebuilds
/// the rule state in memory from genesis). It keeps what the engine writes decoded
/// (``RuleRecord``), so a replay decodes nothing it wrote itself.
public struct InMemoryRuleStateStore: RuleStateStore, Sendable, Equatable {
    private var storage: [ByteKey: RuleRecord]

    public init(entries: [[UInt8]: [UInt8]] = [:]) {
        storage = Dictionary(uniqueKeysWithValues: entries.map { (ByteKey($0.key), RuleRecord(bytes: $0.value)) })
    }

    /// An empty store with room for `minimumCapacity` keys: a rebuild that knows about how many
    /// it will hold (the live state's count) saves the dictionary's repeated growth (8 % of the
    /// audit's rule worker in a profile at 10^6).
    public init(minimumCapacity: Int) {
        storage = Dictionary(minimumCapacity: min(max(minimumCapacity, 0), 1 << 26))
    }

    /// Everything stored, as bytes, so tests can prove a rejected event changed nothing.
    public var entries: [[UInt8]: [UInt8]] {
        Dictionary(uniqueKeysWithValues: storage.map { ($0.key.bytes, $0.value.bytes) })
    }

    /// How many keys are stored.
    public var count: Int { storage.count }

    public func get(_ key: [UInt8]) -> [UInt8]? {
        storage[ByteKey(key)]?.bytes
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        storage[ByteKey(key)] = RuleRecord(bytes: value)
    }

    public func record(_ key: ByteKey) -> RuleRecord? {
        storage[key]
    }

    public mutating func put(_ key: ByteKey, record: RuleRecord) {
        storage[key] = record
    }
}
