import Domain
import EventStore
import LMDB

/// Stores the read-model snapshots an import's shadow cut (`SnapshotCutter`) inside the
/// import's own write transaction, as the chunks that carry them are appended
/// (docs/TIME-TRAVEL.md, "Writing snapshots").
///
/// After a big import the checkpointer used to fold the whole new log a second time, alone on
/// one core, and store its snapshots in some thirty transactions of their own: about as long
/// as the import itself. The shadow already folds every read model (``ShadowFold``), so
/// the snapshots come from that fold, and they share the import's one commit (all or nothing
/// with the events, which a snapshot only ever describes a prefix of).
struct ImportSnapshots {
    private let databases: SnapshotDatabases
    /// The newest stored snapshot (nil before the first cut was stored: not read yet).
    private var previous: SnapshotEntry?
    private var prepared = false
    /// How many were stored.
    private(set) var stored = 0

    init?(databases: SnapshotDatabases?) {
        guard let databases else { return nil }
        self.databases = databases
    }

    /// Adds each cut's digests, chained from the snapshot before it, and stores it.
    mutating func store(_ cuts: [SnapshotCut], in writer: LogWriter) throws {
        guard !cuts.isEmpty else { return }
        let txn = writer.transaction
        if !prepared {
            // The shadow cuts over databases of other models only on an empty log: mark them as
            // this set's (nothing to drop) before the first snapshot goes in.
            if try !Ledger.snapshotsMatchModels(in: txn, databases) { try Ledger.restartSnapshots(in: txn, databases) }
            previous = try SnapshotCatalog(transaction: txn, database: databases.catalog).last()
            prepared = true
        }
        for cut in cuts {
            let plan = SnapshotPlan(
                following: previous, position: cut.position, watermark: cut.watermark, monthEnds: cut.monthEnds,
                nextWatermark: cut.nextWatermark,
                deltas: cut.deltas.map { SnapshotFold<SnapshotView>.Delta(model: $0.model, entries: $0.entries) },
                steps: cut.steps, late: cut.late)
            // Only this transaction writes, so the catalog ends where the cut started.
            guard try plan.store(in: txn, databases) else {
                throw LedgerError(.io, "snapshot \(cut.position) did not follow the stored ones")
            }
            previous = plan.entry
            stored += 1
        }
    }
}
