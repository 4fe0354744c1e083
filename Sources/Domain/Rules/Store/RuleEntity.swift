/// A record of the rule state: a small binary struct stored under one key.
protocol RuleEntity: BinaryCodable {
    static var keyKind: RuleKey.Kind { get }
}

extension RuleEntity {
    static func key(_ id: String) -> [UInt8] { RuleKey.make(keyKind, id) }

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

    /// Raw read with the store's error wrapped, so every rule can throw one error type.
    func bytes(_ key: [UInt8]) throws(RuleViolation) -> [UInt8]? {
        do {
            return try store.get(key)
        } catch {
            throw RuleViolation(
                .storeFailure, field: "state", "the rule state could not be read: \(error)", underlying: error)
        }
    }

    func has(_ key: [UInt8]) throws(RuleViolation) -> Bool {
        try bytes(key) != nil
    }

    /// The entity stored under `key`, or `nil` when none is.
    func load<E: RuleEntity>(_ type: E.Type, key: [UInt8]) throws(RuleViolation) -> E? {
        guard let stored = try bytes(key) else { return nil }
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
    private(set) var items: [(key: [UInt8], value: [UInt8])] = []

    static let none = RuleWrites()

    mutating func put<E: RuleEntity>(_ entity: E, _ id: String) {
        items.append((E.key(id), entity.encoded))
    }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) {
        items.append((key, value))
    }

    static func one<E: RuleEntity>(_ entity: E, _ id: String) -> RuleWrites {
        var writes = RuleWrites()
        writes.put(entity, id)
        return writes
    }
}
