/// A record of the rule state: a small binary struct stored under one key.
protocol RuleEntity: BinaryCodable {
    static var keyKind: RuleKey.Kind { get }
    /// The entity kept decoded in a record (see `RuleRecord+Entities.swift`).
    var record: RuleRecord { get }
    /// The entity a record keeps decoded, if it is one of this type.
    static func unwrap(_ storage: RuleRecord.Storage) -> Self?
}

extension RuleEntity {
    static func key(_ id: String) -> ByteKey { RuleKey.make(keyKind, id) }

    var encoded: [UInt8] {
        var writer = BinaryWriter(capacity: 32)
        encode(into: &writer)
        return writer.bytes
    }
}

/// Read access to the rule state for the checks, through an existential rather than a generic
/// parameter: every check is then compiled once, fully specialised for its entity types,
/// whatever store the ledger passes in (generic code called across modules is not).
/// Hold it only while checking: for a copy-on-write store it shares the storage.
struct RuleReader {
    let store: any RuleStateStore

    init(_ store: any RuleStateStore) {
        self.store = store
    }

    /// Read with the store's error wrapped, so every rule can throw one error type.
    func record(_ key: ByteKey) throws(RuleViolation) -> RuleRecord? {
        do {
            return try store.record(key)
        } catch {
            throw RuleViolation(
                .storeFailure, field: "state", "the rule state could not be read: \(error)", underlying: error)
        }
    }

    /// The stored bytes of a value that is not an entity (a credit code's holder, a claim slot's claim).
    func bytes(_ key: ByteKey) throws(RuleViolation) -> [UInt8]? {
        try record(key)?.bytes
    }

    func has(_ key: ByteKey) throws(RuleViolation) -> Bool {
        try record(key) != nil
    }

    /// The entity stored under `key`, or `nil` when none is: as kept, when the store kept it
    /// decoded, else decoded from its bytes.
    func load<E: RuleEntity>(_ type: E.Type, key: ByteKey) throws(RuleViolation) -> E? {
        guard let record = try record(key) else { return nil }
        if let entity = E.unwrap(record.storage) { return entity }
        let stored = record.bytes
        do {
            return try stored.withUnsafeBytes { (raw) throws(PayloadDecodingError) -> E in
                var reader = BinaryReader(raw)
                let value = try E(from: &reader)
                try reader.expectEnd()
                return value
            }
        } catch {
            throw RuleViolation(
                .corruptState, field: "state", "rule-state record \(E.self) is corrupt: \(error)", underlying: error)
        }
    }

    func load<E: RuleEntity>(_ type: E.Type, _ id: String) throws(RuleViolation) -> E? {
        try load(type, key: E.key(id))
    }

    /// The entity, or an `unknownReference` naming `what` and `field`.
    func require<E: RuleEntity>(_ type: E.Type, _ id: String, _ what: String, field: String) throws(RuleViolation) -> E
    {
        guard let value = try load(type, id) else { throw .unknown(what, id, field: field) }
        return value
    }

    /// Fails with `duplicateId` when an entity of this kind already has `id`.
    func requireNew<E: RuleEntity>(_ type: E.Type, _ id: String, _ what: String, field: String) throws(RuleViolation) {
        if try has(E.key(id)) { throw .duplicate(what, id, field: field) }
    }
}

/// What an accepted event changes, collected while checking and written only once every
/// check has passed: that is how a rejected event leaves the state untouched.
struct RuleWrites: Sendable {
    private(set) var items: [(key: ByteKey, record: RuleRecord)] = []

    static let none = RuleWrites()

    mutating func put<E: RuleEntity>(_ entity: E, _ id: String) {
        items.append((E.key(id), entity.record))
    }

    /// An entity under a key of its own shape (the charter, a member's key).
    mutating func put<E: RuleEntity>(_ key: ByteKey, _ entity: E) {
        items.append((key, entity.record))
    }

    mutating func put(_ key: ByteKey, _ value: [UInt8]) {
        items.append((key, RuleRecord(bytes: value)))
    }

    static func one<E: RuleEntity>(_ entity: E, _ id: String) -> RuleWrites {
        var writes = RuleWrites()
        writes.put(entity, id)
        return writes
    }
}
