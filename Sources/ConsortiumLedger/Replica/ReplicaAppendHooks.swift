import Audit
import Domain
import EventStore
import LMDB

/// What a mirror keeps in step with each copied record, inside the transaction that stores
/// it: the Merkle tree (nodes for proofs, accumulator for the root the signed checkpoint must
/// match) and the four read models, folded from the typed payload (never JSON).
///
/// No rule engine and no rule state: a mirror's guarantee is that it holds exactly the records
/// the primary signed for — the chain, the Merkle root and the checkpoint signature prove that
/// — not a second judgement of whether the primary should have accepted them. `ledger audit`
/// on the mirror replays every rule and member signature from genesis (see docs/WITNESSES.md).
struct ReplicaAppendHooks: AppendHooks {
    let facade: LedgerSchema
    let batchStart: UInt64
    var accumulator: MerkleAccumulator
    var nodes = NodeBuffer()
    var projections: InlineProjections

    init(facade: LedgerSchema, transaction: Transaction, batchStart: UInt64) throws {
        self.facade = facade
        self.batchStart = batchStart
        accumulator = try MerkleState.load(transaction, facade)
        projections = try InlineProjections(transaction: transaction, facade: facade, batchStart: batchStart)
    }

    mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws {
        let event: DomainEvent
        do {
            event = try record.decodedEvent()
        } catch {
            throw UnverifiedRecord(
                sequence: record.sequence, reason: "its \(record.type) payload does not decode: \(error)")
        }
        try accumulator.append(leafHash: Merkle.leafHash(bytes: record.record), into: &nodes)
        do {
            try projections.apply(event, record: record)
        } catch let violation as RuleViolation {
            // The primary refuses an event whose figures would overflow a read model.
            throw UnverifiedRecord(
                sequence: record.sequence, reason: "the primary could not have accepted it: \(violation.message)")
        }
    }

    /// Writes the batch's Merkle nodes, accumulator and read models; called once, before the commit.
    mutating func finish(_ txn: Transaction) throws {
        var store = LMDBMerkleNodeStore(transaction: txn, database: facade.merkleNodes)
        try store.put(contentsOf: nodes.nodes)
        try MerkleState.save(accumulator, txn, facade)
        try projections.flush()
    }
}

/// A record copied from the primary that fails a check: the mirror's finding names its sequence.
public struct UnverifiedRecord: Error, Sendable, CustomStringConvertible {
    public let sequence: UInt64
    public let reason: String
    public var description: String { "record \(sequence): \(reason)" }
}
