import Domain
import EventStore
import LMDB
import Projections

/// The read models as an import's shadow folds them (``ShadowFold``): each live model
/// (its checkpoint right before the import) in memory over its database as the import started,
/// and able to say at any event what changed since the last snapshot boundary — so the
/// snapshots the import crosses come from this one fold (docs/TIME-TRAVEL.md).
///
/// A model that is not live (never built, or its projector version changed) is left alone,
/// as the append path leaves it; `Ledger.catchUp()` brings it to the head later.
struct ShadowProjections {
    let models: [TierModel]
    private(set) var stores: [BoundaryDeltaStore<LMDBProjectionStore>]
    private let databases: [Database]
    private let live: [Bool]
    private var last: UInt64?

    /// Whether every model is folded here (only then can snapshots be cut from this fold).
    var allLive: Bool { !live.contains(false) }

    init(transaction: Transaction, facade: LedgerSchema, batchStart: UInt64) throws {
        models = TierModel.allCases
        databases = models.map { $0.database(facade) }
        let bases = databases.map { LMDBProjectionStore(transaction: transaction, database: $0) }
        stores = bases.map { BoundaryDeltaStore(base: $0) }
        live = try zip(models, bases).map { model, base in
            if case .resumable(let after) = try model.status(in: base) { return after + 1 == batchStart }
            return false
        }
    }

    mutating func apply(_ event: DomainEvent, context: EventContext) throws {
        for index in models.indices where live[index] {
            try models[index].apply(event, context, to: &stores[index])
        }
        last = context.sequence
    }

    /// Each model's entries changed since the last boundary, in key order; this event becomes
    /// the boundary (see `BoundaryDeltaStore.takeDelta()`).
    mutating func takeDeltas() -> [(model: TierModel, entries: [(key: [UInt8], value: [UInt8])])] {
        models.indices.map { index in (models[index], stores[index].takeDelta()) }
    }

    /// Marks `key` of `model` as changed since the last boundary, where it was `atBoundary`.
    mutating func seed(_ model: TierModel, _ key: [UInt8], atBoundary: [UInt8]?) throws {
        guard let index = models.firstIndex(of: model) else { return }
        try stores[index].seed(key, atBoundary: atBoundary)
    }

    /// The writes for the writer's transaction (checkpoints included), per database, in key order.
    mutating func pendingWrites() throws -> KeyOrderedWrites {
        guard let last else { return [] }
        return try models.indices.filter { live[$0] }.map { index in
            try ProjectionCheckpoint(sequence: last, version: models[index].version).write(to: &stores[index])
            return (databases[index], stores[index].pendingWrites())
        }
    }
}
