import Audit
import Domain
import EventStore
import LMDB

/// Everything kept in step with the log inside the append transaction: the Merkle tree over
/// records (nodes for proofs, accumulator for the root), domain rules and the tier read models.
struct LedgerAppendHooks: AppendHooks {
    let facade: LedgerSchema
    /// The domain event of each batch position (already parsed; decoding the payload again is waste).
    let events: [DomainEvent]
    var accumulator: MerkleAccumulator
    var nodes = NodeBuffer()
    /// Nil when the batch was already checked and folded elsewhere (an import's `ImportShadow`
    /// and `ShadowFold`).
    var rules: RuleCheck?
    var projections: InlineProjections?

    /// - Parameter checkedElsewhere: the rules and read models were handled by an import's
    ///   shadow on another thread; only the Merkle tree is kept here.
    init(
        facade: LedgerSchema, events: [DomainEvent], transaction: Transaction, batchStart: UInt64,
        requireSignatures: Bool, checkedElsewhere: Bool = false
    ) throws {
        self.facade = facade
        self.events = events
        accumulator = try MerkleState.load(transaction, facade)
        if !checkedElsewhere {
            rules = RuleCheck(transaction: transaction, database: facade.rules, requireSignatures: requireSignatures)
            projections = try InlineProjections(transaction: transaction, facade: facade, batchStart: batchStart)
        }
    }

    mutating func willAppend(
        _ event: NewEvent, sequence: UInt64, version: UInt64, batchIndex: Int, in txn: Transaction
    ) throws {
        try rules?.check(events[batchIndex], event: event, batchIndex: batchIndex)
    }

    mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws {
        try accumulator.append(leafHash: Merkle.leafHash(bytes: record.record), into: &nodes)
        do {
            try projections?.apply(events[batchIndex], record: record)
        } catch let violation as RuleViolation {
            // A read-model figure would overflow: refused like a broken rule, with nothing written.
            throw RuleCheck.Violation(
                code: violation.code,
                field: violation.field,
                message: violation.message
                    + " (event \(batchIndex + 1) of the batch, \(record.type) \(record.id)); nothing was written",
                batchIndex: batchIndex)
        }
    }

    /// Writes what was gathered during the batch; called once, before the commit.
    mutating func finish(_ txn: Transaction) throws {
        var store = LMDBMerkleNodeStore(transaction: txn, database: facade.merkleNodes)
        try store.put(contentsOf: nodes.nodes)
        try MerkleState.save(accumulator, txn, facade)
        try rules?.flush()
        try projections?.flush()
    }
}

/// Collects a batch's Merkle nodes so they reach LMDB once, in key order.
struct NodeBuffer: MerkleNodeStore {
    var nodes: [MerkleNode] = []
    func node(level: UInt8, index: UInt64) throws -> Hash? { nil }
    mutating func put(level: UInt8, index: UInt64, hash: Hash) throws {
        nodes.append(MerkleNode(level: level, index: index, hash: hash))
    }
    mutating func put(contentsOf batch: [MerkleNode]) throws { nodes.append(contentsOf: batch) }
}
