import Audit
import EventStore
import LMDB

/// What a mirror keeps in step with each copied record inside the transaction that stores it:
/// the Merkle tree (nodes for proofs, accumulator for the root the signed checkpoint must
/// match). The read models are folded beside it by ``ReplicaFold``.
///
/// No rule engine and no rule state: a mirror's guarantee is that it holds exactly the records
/// the primary signed for — the chain, the Merkle root and the checkpoint signature prove that
/// — not a second judgement of whether the primary should have accepted them. `ledger audit`
/// on the mirror replays every rule and member signature from genesis (see docs/WITNESSES.md).
struct ReplicaAppendHooks: AppendHooks {
    let facade: LedgerSchema
    var accumulator: MerkleAccumulator
    var nodes = NodeBuffer()

    init(facade: LedgerSchema, transaction: Transaction) throws {
        self.facade = facade
        accumulator = try MerkleState.load(transaction, facade)
    }

    mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws {
        try accumulator.append(leafHash: Merkle.leafHash(bytes: record.record), into: &nodes)
    }

    /// Writes the batch's Merkle nodes and accumulator; called once, before the commit.
    mutating func finish(_ txn: Transaction) throws {
        var store = LMDBMerkleNodeStore(transaction: txn, database: facade.merkleNodes)
        try store.put(contentsOf: nodes.nodes)
        try MerkleState.save(accumulator, txn, facade)
    }
}

/// A record copied from the primary that fails a check: the mirror's finding names its sequence.
public struct UnverifiedRecord: Error, Sendable, CustomStringConvertible {
    public let sequence: UInt64
    public let reason: String
    public var description: String { "record \(sequence): \(reason)" }
}
