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

extension SnapshotPlan {
    /// The snapshot after `previous` (nil: the first) with each model's digest chained from
    /// the previous snapshot's.
    init(
        following previous: SnapshotEntry?, position: UInt64, watermark: LocalDate?, monthEnds: [LocalDate],
        nextWatermark: LocalDate?, deltas: [SnapshotFold<SnapshotView>.Delta],
        steps: [(day: LocalDate, sequence: UInt64)], late: [(sequence: UInt64, day: LocalDate)]
    ) {
        let models = deltas.map { delta in
            SnapshotEntry.ModelDelta(
                model: delta.model.rawValue, changedKeys: delta.entries.count, changedBytes: delta.bytes,
                deltaDigest: delta.digest,
                digest: SnapshotFold<SnapshotView>.chained(
                    previous?.delta(of: delta.model.rawValue)?.digest ?? "", delta.digest))
        }
        self.init(
            after: previous?.position ?? 0,
            entry: SnapshotEntry(
                position: position, watermark: watermark, monthEnds: monthEnds, nextWatermark: nextWatermark,
                models: models),
            deltas: deltas, steps: steps, late: late)
    }
}
