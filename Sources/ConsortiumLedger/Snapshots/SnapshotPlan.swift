import Domain
import LMDB

/// The next snapshot, computed on a read transaction and stored by a short write transaction:
/// the fold happens without LMDB's write lock, so appends never wait for it.
struct SnapshotPlan {
    /// The snapshot this one was folded from (0: none).
    var after: UInt64
    var entry: SnapshotEntry
    var deltas: [SnapshotFold<SnapshotView>.Delta]
    var steps: [(day: LocalDate, sequence: UInt64)]
    var late: [(sequence: UInt64, day: LocalDate)]

    /// Writes the snapshot unless another writer already advanced past `after` (then false:
    /// the caller plans again from the new last snapshot; both would have written the same).
    func store(in transaction: Transaction, _ databases: SnapshotDatabases) throws -> Bool {
        let catalog = SnapshotCatalog(transaction: transaction, database: databases.catalog)
        guard (try catalog.last()?.position ?? 0) == after else { return false }
        for step in steps {
            try transaction.put(
                databases.time, BusinessTimeIndex.stepKey(step.day), BusinessTimeIndex.sequenceBytes(step.sequence))
        }
        for event in late {
            try transaction.put(
                databases.time, BusinessTimeIndex.lateKey(event.sequence), BusinessTimeIndex.dayBytes(event.day))
        }
        for delta in deltas {
            for change in delta.entries {
                let stem = VersionedKey.stem(model: delta.model.rawValue, key: change.key)
                try transaction.put(
                    databases.versions, VersionedKey.make(stem: stem, position: entry.position), change.value)
            }
        }
        try catalog.put(entry)
        return true
    }
}
