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

    /// `pending` is what an earlier fold wrote that `transaction` may not hold yet (a mirror's
    /// batch folded before the batch before it is committed); it is read as the current state.
    init(
        transaction: Transaction, facade: LedgerSchema, batchStart: UInt64,
        pending: [(Database, [(key: [UInt8], value: [UInt8])])] = []
    ) throws {
        func slot<P>(_ database: Database) throws -> Slot<P> {
            try Slot(
                LMDBProjectionStore(transaction: transaction, database: database), batchStart,
                pending: pending.first { $0.0 == database }?.1 ?? [])
        }
        council = try slot(facade.council)
        committee = try slot(facade.committee)
        project = try slot(facade.project)
        claims = try slot(facade.claims)
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

    /// What `flush()` would write (checkpoints included), per database and in key order,
    /// without writing: for a dry run over a snapshot whose result another transaction keeps.
    mutating func pendingWrites() throws -> [(Database, [(key: [UInt8], value: [UInt8])])] {
        [
            try council.pendingWrites(), try committee.pendingWrites(), try project.pendingWrites(),
            try claims.pendingWrites(),
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

        init(_ store: LMDBProjectionStore, _ batchStart: UInt64, pending: [(key: [UInt8], value: [UInt8])]) throws {
            cache = WriteBackCache(base: store)
            for entry in pending { cache.remember(entry.key, entry.value) }
            if case .resumable(let after) = try ProjectionRunner<P>.status(of: cache) {
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

        mutating func pendingWrites() throws -> (Database, [(key: [UInt8], value: [UInt8])]) {
            guard live, let last else { return (cache.base.database, []) }
            try ProjectionCheckpoint(sequence: last, version: P.version).write(to: &cache)
            return (cache.base.database, cache.dirtyEntries())
        }

        mutating func flush() throws {
            guard live, let last else { return }
            try ProjectionCheckpoint(sequence: last, version: P.version).write(to: &cache)
            var base = cache.base
            try cache.flush(into: &base)
        }
    }
}
