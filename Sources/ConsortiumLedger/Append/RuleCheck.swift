import Domain
import EventStore
import Foundation
import LMDB

/// The rule state in the ledger's `rules` database, read and written in the caller's transaction.
struct LMDBRuleStore: RuleStateStore {
    let transaction: Transaction
    let database: Database

    func get(_ key: [UInt8]) throws -> [UInt8]? {
        try transaction.get(database, key).map { Array($0) }
    }

    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
        try transaction.put(database, key, value)
    }

    func record(_ key: ByteKey) throws -> RuleRecord? {
        try transaction.get(database, ByteKeyBytes(key)).map { RuleRecord(bytes: Array($0)) }
    }

    mutating func put(_ key: ByteKey, record: RuleRecord) throws {
        try transaction.put(database, ByteKeyBytes(key), record.bytes)
    }
}

/// The rules of docs/DOMAIN.md (Rules an append enforces), checked inside the append transaction so a concurrent writer cannot slip
/// past them. A write-back cache keeps a batch's reads and writes in memory and reaches LMDB
/// once per key, in key order, at the end of the batch.
struct RuleCheck {
    /// A rejected event: the rule's stable code, the field concerned and a message a secretary can act on.
    struct Violation: Error, CustomStringConvertible {
        var code: RuleViolation.Code
        var field: String
        var message: String
        var batchIndex: Int?
        var description: String { "\(field): \(message) [\(code.rawValue)]" }
    }

    private var state: CachedRuleState<LMDBRuleStore>
    private let engine = RuleEngine()
    private let signatures: SignatureCheck

    init(transaction: Transaction, database: Database, requireSignatures: Bool) {
        state = CachedRuleState(LMDBRuleStore(transaction: transaction, database: database))
        signatures = SignatureCheck(requireSignatures: requireSignatures)
    }

    /// A checker over a read snapshot whose effects stay in memory (import validation).
    static func dryRun(transaction: Transaction, database: Database, requireSignatures: Bool) -> RuleCheck {
        RuleCheck(transaction: transaction, database: database, requireSignatures: requireSignatures)
    }

    mutating func check(_ domainEvent: DomainEvent, event: NewEvent, batchIndex: Int) throws {
        let when = Timestamp(millisecondsSinceEpoch: event.occurredAt, utcOffsetMinutes: event.occurredOffsetMinutes)
        do {
            try checkSignature(of: event)
            // A restore (recordedAt given) reproduces history as it was accepted, not as today's limits judge it.
            try check(domainEvent, actor: event.actor, occurredAt: when, plausibility: event.recordedAt == nil)
        } catch var violation as Violation {
            violation.batchIndex = batchIndex
            violation.message +=
                " (event \(batchIndex + 1) of the batch, \(event.type) \(event.id)); nothing was written"
            throw violation
        }
    }

    /// - Parameter plausibility: hold the event to docs/HOSTILE-INPUT.md's plausible values against the
    ///   clock now (every new event; see docs/HOSTILE-INPUT.md).
    mutating func check(
        _ domainEvent: DomainEvent, actor: String, occurredAt: Timestamp, plausibility: Bool = true
    ) throws {
        do {
            if plausibility {
                let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
                try Plausibility.check(domainEvent, occurredAt: occurredAt, recordedAtMilliseconds: now)
            }
            try engine.apply(domainEvent, actor: actor, occurredOn: occurredAt.localDate, to: &state)
        } catch {
            throw Violation(code: error.code, field: error.field, message: error.message)
        }
    }

    /// The member signature against the keys registered so far (in this batch too).
    func checkSignature(of event: NewEvent) throws {
        try signatures.check(
            actor: event.actor, typeName: event.type, signature: event.signature, signerKeyId: event.signerKeyId,
            signedBytes: { SignedContent.bytes(of: event) }, state: state)
    }

    mutating func flush() throws { try state.flush() }

    /// A dry run's rule-state writes, in key order, for the transaction that keeps them.
    func pendingWrites() -> [(key: ByteKey, value: [UInt8])] { state.pendingWrites() }
}
