import Domain
import LMDB
import Projections

/// Folds events forward from the last stored snapshot and closes the next snapshots at their
/// boundaries — every `interval` events, and before an event that takes the business-time
/// watermark past a month end (docs/TIME-TRAVEL.md).
///
/// The checkpointer feeds it events read back from the log on a read transaction; an import
/// feeds it, inside its own write transaction, the events it has just appended, so that the
/// snapshots it crosses are folded beside the writer and stored in the import's
/// one commit instead of by a second pass over the log afterwards.
struct SnapshotPlanner {
    /// The sequence interval between snapshots.
    let interval: UInt64
    /// The newest stored snapshot when planning started (nil: none yet).
    let last: SnapshotEntry?
    /// Plans stop being made once this many are waiting to be taken.
    let limit: Int
    /// The snapshots closed and not yet taken, oldest first.
    private(set) var plans: [SnapshotPlan] = []
    /// The day of the first event fed when it already crossed into a new month right after
    /// the last snapshot (the checkpointer notes it so appends in that month stop triggering).
    private(set) var crossedAtStart: LocalDate?
    private var tracker: BusinessTimeTracker
    private var fold: SnapshotFold<SnapshotView>
    private var previous: SnapshotEntry?

    /// The position planning starts after: events from `after + 1` on must be fed, in order.
    var after: UInt64 { last?.position ?? 0 }

    /// - Parameter transaction: where the stored snapshots are read (the write transaction
    ///   itself when the plans are stored in it as they are made).
    init(transaction: Transaction, databases: SnapshotDatabases, limit: Int = .max) throws {
        interval = try BusinessTimeIndex(transaction: transaction, database: databases.time).interval()
        last = try SnapshotCatalog(transaction: transaction, database: databases.catalog).last()
        self.limit = limit
        let after = last?.position ?? 0
        tracker = BusinessTimeTracker(watermark: last?.watermark)
        fold = SnapshotFold(
            bases: TierModel.allCases.map {
                SnapshotView(
                    transaction: transaction, database: databases.versions, model: $0.rawValue, position: after)
            })
        previous = last
    }

    /// Folds the next event of the log; false once `limit` plans wait (this event is then
    /// not folded: it belongs to the snapshots planned next time).
    mutating func feed(_ event: DomainEvent, _ context: EventContext) throws -> Bool {
        let day = context.occurredOn
        if tracker.crossesMonthEnd(day) {
            let open = previous?.position ?? 0
            if context.sequence - 1 > open {
                try close(at: context.sequence - 1, monthEnds: tracker.monthEndsCrossed(by: day), next: day)
            } else if context.sequence == after + 1, last?.nextWatermark.map({ $0 < day }) ?? true {
                crossedAtStart = day
            }
        }
        guard plans.count < limit else { return false }
        try fold.apply(event, context)
        tracker.record(sequence: context.sequence, day: day)
        if context.sequence % interval == 0 {
            try close(at: context.sequence, monthEnds: [], next: nil)
        }
        return plans.count < limit
    }

    /// The plans closed so far, handed over once (the fold goes on from the last of them).
    mutating func takePlans() -> [SnapshotPlan] {
        defer { plans.removeAll() }
        return plans
    }

    private mutating func close(at position: UInt64, monthEnds: [LocalDate], next: LocalDate?) throws {
        let plan = SnapshotPlan(
            following: previous, position: position, watermark: tracker.watermark, monthEnds: monthEnds,
            nextWatermark: next, deltas: try fold.deltas(), steps: tracker.steps, late: tracker.late)
        plans.append(plan)
        tracker.drain()
        previous = plan.entry
    }
}
