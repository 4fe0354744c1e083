import Domain
import EventStore
import LMDB
import Projections

/// A snapshot an import's shadow closed at a boundary: its place in the log and business time
/// and each model's changes since the previous one. The writer adds the digests and stores it.
struct SnapshotCut: Sendable {
    var position: UInt64
    var watermark: LocalDate?
    var monthEnds: [LocalDate]
    var nextWatermark: LocalDate?
    var deltas: [(model: TierModel, entries: [(key: [UInt8], value: [UInt8])])]
    var steps: [(day: LocalDate, sequence: UInt64)]
    var late: [(sequence: UInt64, day: LocalDate)]
}

/// Closes the snapshots an import crosses from the shadow's own fold of the read models
/// (`ShadowProjections`), at the boundaries the checkpointer would choose: before an event that
/// takes the watermark past a month end, and every `interval` events (docs/TIME-TRAVEL.md).
///
/// The shadow's fold starts from the live models, the snapshots from the last stored one; the
/// events in between (the tail, below one interval) are folded here once over that snapshot to
/// learn which entries they changed, and those entries are seeded as changed.
struct SnapshotCutter {
    /// A longer tail means the checkpointer fell behind: the import then leaves it the work.
    static let maximumTail: UInt64 = 100_000

    let interval: UInt64
    private var tracker: BusinessTimeTracker
    /// The last boundary's position.
    private var open: UInt64
    private var cuts: [SnapshotCut] = []

    /// nil when the shadow cannot cut the snapshots (no snapshot databases, a model not folded
    /// by the shadow, snapshots of other models on a non-empty log, a long tail, or a boundary
    /// due in the tail): the checkpointer then writes them after the import, as after an append.
    static func start(
        reader: LogReader, databases: SnapshotDatabases?, projections: inout ShadowProjections, ledger: Ledger
    ) throws -> SnapshotCutter? {
        guard let databases, projections.allLive else { return nil }
        let txn = reader.transaction
        let head = try reader.head().sequence
        let last: SnapshotEntry?
        if try Ledger.snapshotsMatchModels(in: txn, databases) {
            last = try SnapshotCatalog(transaction: txn, database: databases.catalog).last()
        } else {
            guard head == 0 else { return nil }  // the writer marks the empty databases as this set's
            last = nil
        }
        let after = last?.position ?? 0
        guard head >= after, head - after <= maximumTail else { return nil }
        var cutter = SnapshotCutter(
            interval: try BusinessTimeIndex(transaction: txn, database: databases.time).interval(),
            tracker: BusinessTimeTracker(watermark: last?.watermark), open: after)
        guard head > after else { return cutter }
        let bases = TierModel.allCases.map {
            SnapshotView(transaction: txn, database: databases.versions, model: $0.rawValue, position: after)
        }
        var fold = SnapshotFold(bases: bases)
        var boundaryInTail = false
        try ledger.forEachEvent(in: reader, from: after + 1, through: head) { event, context in
            if cutter.tracker.crossesMonthEnd(context.occurredOn), context.sequence - 1 > after {
                boundaryInTail = true
                return false
            }
            try fold.apply(event, context)
            cutter.tracker.record(sequence: context.sequence, day: context.occurredOn)
            boundaryInTail = context.sequence % cutter.interval == 0
            return !boundaryInTail
        }
        guard !boundaryInTail else { return nil }
        for (index, delta) in try fold.deltas().enumerated() {
            for entry in delta.entries {
                try projections.seed(delta.model, entry.key, atBoundary: try bases[index].get(entry.key))
            }
        }
        return cutter
    }

    private init(interval: UInt64, tracker: BusinessTimeTracker, open: UInt64) {
        self.interval = interval
        self.tracker = tracker
        self.open = open
    }

    /// Before the event at `context` is folded: closes a snapshot if it crosses a month end.
    mutating func willFold(_ context: EventContext, projections: inout ShadowProjections) {
        let day = context.occurredOn
        guard tracker.crossesMonthEnd(day), context.sequence - 1 > open else { return }
        cut(at: context.sequence - 1, monthEnds: tracker.monthEndsCrossed(by: day), next: day, &projections)
    }

    /// After the event at `context` is folded: closes a snapshot every `interval` events.
    mutating func didFold(_ context: EventContext, projections: inout ShadowProjections) {
        tracker.record(sequence: context.sequence, day: context.occurredOn)
        if context.sequence % interval == 0 { cut(at: context.sequence, monthEnds: [], next: nil, &projections) }
    }

    /// The snapshots closed since the last call, oldest first.
    mutating func takeCuts() -> [SnapshotCut] {
        defer { cuts.removeAll() }
        return cuts
    }

    private mutating func cut(
        at position: UInt64, monthEnds: [LocalDate], next: LocalDate?, _ projections: inout ShadowProjections
    ) {
        cuts.append(
            SnapshotCut(
                position: position, watermark: tracker.watermark, monthEnds: monthEnds, nextWatermark: next,
                deltas: projections.takeDeltas(), steps: tracker.steps, late: tracker.late))
        tracker.drain()
        open = position
    }
}
