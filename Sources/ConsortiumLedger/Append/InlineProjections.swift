import Domain
import EventStore
import LMDB
import Projections

/// The read models (three tiers and claims) updated inside the append transaction (read-your-writes for the CLI).
///
/// A model whose checkpoint is not exactly at the batch's start (it was never built, or its
/// projector version changed) is left alone here; `Ledger.catchUp()` brings it to the head.
struct InlineProjections {
    private var council: Slot<CouncilProjector>
    private var committee: Slot<CommitteeProjector>
    private var project: Slot<ProjectProjector>
    private var claims: Slot<ClaimsProjector>

    /// With `models`, only those are folded (a mirror folds its models on two threads, each
    /// with its own share); the others are left alone as if stale.
    init(
        transaction: Transaction, facade: LedgerSchema, batchStart: UInt64,
        models: Set<TierModel> = Set(TierModel.allCases)
    ) throws {
        func slot<P>(_ database: Database, _ model: TierModel) throws -> Slot<P> {
            try Slot(
                LMDBProjectionStore(transaction: transaction, database: database), batchStart,
                selected: models.contains(model))
        }
        council = try slot(facade.council, .council)
        committee = try slot(facade.committee, .committee)
        project = try slot(facade.project, .project)
        claims = try slot(facade.claims, .claims)
    }

    mutating func apply(_ event: DomainEvent, record: RecordView) throws {
        let context = EventContext(
            sequence: record.sequence,
            occurredAt: Timestamp(
                millisecondsSinceEpoch: record.occurredAt, utcOffsetMinutes: record.occurredOffsetMinutes),
            actor: record.actor)
        try apply(event, context: context)
    }

    mutating func apply(_ event: DomainEvent, context: EventContext) throws {
        try council.apply(event, context)
        try committee.apply(event, context)
        try project.apply(event, context)
        try claims.apply(event, context)
    }

    /// Reads what the caches do not hold from `transaction` from now on, keeping the caches: for
    /// one fold over many batches (a mirror's), where no one else writes the read models.
    mutating func rebase(on transaction: Transaction) {
        council.rebase(on: transaction)
        committee.rebase(on: transaction)
        project.rebase(on: transaction)
        claims.rebase(on: transaction)
    }

    /// What `flush()` would write (checkpoints included), per database and in key order, without
    /// writing, for another transaction to store; the caches take them as the current state: the
    /// next batch reads them there even if its snapshot lacks them. A cache above `bound` keys
    /// then forgets all but those writes (memory; every other key reads the same in any later
    /// snapshot).
    mutating func takePendingWrites(bound: Int) throws -> [(Database, [(key: ByteKey, value: [UInt8])])] {
        [
            try council.takePendingWrites(bound: bound), try committee.takePendingWrites(bound: bound),
            try project.takePendingWrites(bound: bound), try claims.takePendingWrites(bound: bound),
        ]
    }

    mutating func flush() throws {
        try council.flush()
        try committee.flush()
        try project.flush()
        try claims.flush()
    }

    private struct Slot<P: Projector> {
        var cache: WriteBackCache<LMDBProjectionStore>
        let live: Bool
        let projector = P()
        var last: UInt64?

        init(_ store: LMDBProjectionStore, _ batchStart: UInt64, selected: Bool) throws {
            cache = WriteBackCache(base: store)
            if selected, case .resumable(let after) = try ProjectionRunner<P>.status(of: cache) {
                live = after + 1 == batchStart
            } else {
                live = false
            }
        }

        mutating func apply(_ event: DomainEvent, _ context: EventContext) throws {
            guard live else { return }
            try projector.apply(event, envelope: context, to: &cache)
            last = context.sequence
        }

        mutating func rebase(on transaction: Transaction) {
            cache.rebase(LMDBProjectionStore(transaction: transaction, database: cache.base.database))
        }

        mutating func takePendingWrites(bound: Int) throws -> (Database, [(key: ByteKey, value: [UInt8])]) {
            guard live, let last else { return (cache.base.database, []) }
            try ProjectionCheckpoint(sequence: last, version: P.version).write(to: &cache)
            let writes = cache.takeDirtyEntries()
            self.last = nil
            if cache.cachedCount > bound { cache.forget(keeping: writes) }
            return (cache.base.database, writes)
        }

        mutating func flush() throws {
            guard live, let last else { return }
            try ProjectionCheckpoint(sequence: last, version: P.version).write(to: &cache)
            var base = cache.base
            try cache.flush(into: &base)
        }
    }
}
