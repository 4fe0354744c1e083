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
}

/// A dictionary-backed rule state for tests, tools and scratch replays (the audit can rebuild
/// the rule state in memory and compare it with the live one).
public struct InMemoryRuleStateStore: RuleStateStore, Sendable, Equatable {
    private var storage: [ByteKey: [UInt8]]

    public init(entries: [[UInt8]: [UInt8]] = [:]) {
        storage = Dictionary(uniqueKeysWithValues: entries.map { (ByteKey($0.key), $0.value) })
    }

    /// Everything stored, so tests can prove a rejected event changed nothing.
    public var entries: [[UInt8]: [UInt8]] {
        Dictionary(uniqueKeysWithValues: storage.map { ($0.key.bytes, $0.value) })
    }

    /// How many keys are stored.
    public var count: Int { storage.count }

    public func get(_ key: [UInt8]) -> [UInt8]? {
        storage[ByteKey(key)]
    }

    public mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        storage[ByteKey(key)] = value
    }
}
