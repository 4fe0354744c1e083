import Domain
import EventStore
import LMDB
import Projections

extension Ledger {
    /// One read model as of `asOf`: the nearest snapshot (read in place) plus the events between
    /// it and the point asked for, folded into a write-back cache in front of it. Exactly the
    /// replay from zero (docs/TIME-TRAVEL.md):
    ///
    /// - `--as-of SEQ`: the newest snapshot at or before SEQ, then the events up to SEQ.
    /// - `--as-of DATE`: P = the last event of the longest log prefix that occurred on or before
    ///   DATE (the watermark index); the newest snapshot at or before P; then the events up to
    ///   P (all of them occurred by DATE), the late events after P that occurred by DATE, and
    ///   the not yet indexed events after the last snapshot that did.
    ///
    /// Every snapshot is a prefix of the log and the events come in log order, so the fold is
    /// the same sequence of steps a replay from zero takes, whatever the projector does.
    func snapshotAnswer<R>(
        _ model: TierModel, _ asOf: AsOf, _ body: (WriteBackCache<SnapshotView>, LocalDate) throws -> R
    ) throws -> R {
        if !store.environment.isReadOnly, try snapshotsBehind() { _ = try? writeSnapshots() }
        return try store.read { reader in
            let txn = reader.transaction
            let head = try reader.head().sequence
            var usable: SnapshotDatabases?
            if let databases = snapshots,
                try BusinessTimeIndex(transaction: txn, database: databases.time).matchesModels()
            {
                usable = databases
            }
            let plan = try AsOfPlan(asOf: asOf, head: head, transaction: txn, databases: usable)
            var cache = WriteBackCache(
                base: SnapshotView(
                    transaction: txn, database: usable?.versions, model: model.rawValue, position: plan.snapshot))
            let cutoff = asOf.cutoff
            for range in plan.ranges where !range.isEmpty {
                try forEachEvent(in: reader, from: range.lowerBound, through: range.upperBound) { event, context in
                    if cutoff.includes(context) { try model.apply(event, context, to: &cache) }
                    return true
                }
            }
            let judgedOn: LocalDate
            if case .date(let date) = asOf { judgedOn = date } else { judgedOn = .today }
            return try body(cache, judgedOn)
        }
    }
}

/// Which snapshot an as-of answer starts from and which events it folds on top, in log order.
struct AsOfPlan {
    var snapshot: UInt64 = 0
    var ranges: [ClosedRange<UInt64>] = []

    init(asOf: AsOf, head: UInt64, transaction: Transaction, databases: SnapshotDatabases?) throws {
        guard let databases else {
            // No usable snapshots: fold from the first event (a replay, single-threaded).
            if head > 0 { ranges = [1...head] }
            return
        }
        let catalog = SnapshotCatalog(transaction: transaction, database: databases.catalog)
        let index = BusinessTimeIndex(transaction: transaction, database: databases.time)
        let indexed = min(try catalog.last()?.position ?? 0, head)
        switch asOf {
        case .sequence(let wanted):
            let upper = min(wanted, head)
            snapshot = try catalog.floor(upper)?.position ?? 0
            if upper > snapshot { ranges = [(snapshot + 1)...upper] }
        case .date(let date):
            guard let firstAfter = try index.firstSequence(after: date) else {
                // Every indexed event occurred by `date`: the last snapshot, then the unindexed tail.
                snapshot = indexed
                if head > indexed { ranges = [(indexed + 1)...head] }
                return
            }
            let prefixEnd = firstAfter - 1
            snapshot = try catalog.floor(prefixEnd)?.position ?? 0
            if prefixEnd > snapshot { ranges.append((snapshot + 1)...prefixEnd) }
            if indexed > prefixEnd {
                for late in try index.lateSequences(in: (prefixEnd + 1)...indexed, onOrBefore: date) {
                    ranges.append(late...late)
                }
            }
            if head > indexed { ranges.append((indexed + 1)...head) }
        }
    }
}
