import Domain
import EventStore
import LMDB
import Projections

extension Ledger {
    /// Writes every read-model snapshot that is due — at each month end the business-time
    /// watermark has passed and every `snapshotInterval` events — and returns how many.
    ///
    /// The ledger calls it after an append that crossed a boundary and after every import;
    /// it may be called any time (it is idempotent). Each snapshot is folded on a read
    /// transaction from the previous one and stored in its own short write transaction.
    @discardableResult
    public func writeSnapshots() throws -> Int {
        guard let databases = snapshots, !store.environment.isReadOnly else { return 0 }
        let current = Array(BusinessTimeIndex.modelSignature.utf8)
        let stored = try store.environment.read { txn in
            try txn.get(databases.time, BusinessTimeIndex.modelsKey).map { Array($0) }
        }
        if stored != current {
            // Another set of read models or projector versions wrote these: start again.
            try clearSnapshots(databases)
            try store.environment.write { try $0.put(databases.time, BusinessTimeIndex.modelsKey, current) }
        }
        var written = 0
        while true {
            switch try store.read({ try planSnapshots(in: $0, databases) }) {
            case .none:
                return written
            case .snapshots(let plans):
                written += try store.environment.write { txn in
                    var stored = 0
                    for plan in plans {
                        guard try plan.store(in: txn, databases) else { break }
                        stored += 1
                    }
                    return stored
                }
            case .crossing(let position, let day):
                // No boundary yet, but the event right after the last snapshot took the watermark
                // into a new month: noted, so that appends in that month do not trigger again.
                try store.environment.write { txn in
                    let catalog = SnapshotCatalog(transaction: txn, database: databases.catalog)
                    guard var last = try catalog.last(), last.position == position else { return }
                    last.nextWatermark = day
                    try catalog.put(last)
                }
                return written
            }
        }
    }

    /// Drops every snapshot and the business-time index and writes them again from zero
    /// (keeps the configured interval).
    public func rebuildSnapshots() throws {
        guard let databases = snapshots else {
            throw LedgerError(.io, "this ledger has no snapshot databases (read-only media)")
        }
        try clearSnapshots(databases)
        try writeSnapshots()
    }

    private func clearSnapshots(_ databases: SnapshotDatabases) throws {
        try store.environment.write { txn in
            let interval = try txn.get(databases.time, BusinessTimeIndex.intervalKey).map { Array($0) }
            for database in databases.all { try txn.clear(database) }
            if let interval { try txn.put(databases.time, BusinessTimeIndex.intervalKey, interval) }
        }
    }

    /// Sets the sequence interval between snapshots (month ends are always snapshotted).
    /// Snapshots already written stay valid: any prefix of the log is a correct snapshot.
    public func setSnapshotInterval(_ events: UInt64) throws {
        guard let databases = snapshots else {
            throw LedgerError(.io, "this ledger has no snapshot databases (read-only media)")
        }
        guard events > 0 else {
            throw LedgerError(.invalidInput, "snapshot interval: expected a number of events above 0, got 0")
        }
        try store.environment.write { txn in
            try txn.put(databases.time, BusinessTimeIndex.intervalKey, BusinessTimeIndex.sequenceBytes(events))
        }
    }

    /// After a committed append: a cheap check (one read transaction) whether the batch took
    /// the log past a snapshot boundary, and if so the checkpointer. Its failure does not
    /// concern the append, which is already durable; the next trigger or query retries.
    func snapshotAfterAppend(_ events: [NewEvent]) {
        guard let databases = snapshots, !events.isEmpty, !store.environment.isReadOnly else { return }
        let due = try? store.read { reader -> Bool in
            let head = try reader.head().sequence
            let every = try BusinessTimeIndex(transaction: reader.transaction, database: databases.time).interval()
            let last = try SnapshotCatalog(transaction: reader.transaction, database: databases.catalog).last()
            if head / every > (last?.position ?? 0) / every { return true }
            // Without a snapshot every event so far lies in the first event's month (crossing
            // out of it would have written one), so that month is the reference.
            var first: LocalDate?
            if last == nil {
                try reader.scan(from: 1, through: 1) {
                    first = $0.eventContext.occurredOn
                    return false
                }
            }
            guard let reference = [last?.watermark, last?.nextWatermark, first].compactMap({ $0 }).max() else {
                return false
            }
            let month = BusinessTimeTracker.monthIndex(reference)
            return events.contains { event in
                let day = Timestamp(
                    millisecondsSinceEpoch: event.occurredAt, utcOffsetMinutes: event.occurredOffsetMinutes
                ).localDate
                return BusinessTimeTracker.monthIndex(day) > month
            }
        }
        if due == true { _ = try? writeSnapshots() }
    }

    /// Whether the events after the last snapshot are more than one interval (a query then
    /// runs the checkpointer first, so it never folds more than about one interval).
    func snapshotsBehind() throws -> Bool {
        guard let databases = snapshots else { return false }
        return try store.read { reader in
            let head = try reader.head().sequence
            let every = try BusinessTimeIndex(transaction: reader.transaction, database: databases.time).interval()
            let last =
                try SnapshotCatalog(transaction: reader.transaction, database: databases.catalog).last()?.position ?? 0
            return head - min(last, head) > every
        }
    }

    private enum Step {
        case none
        /// Consecutive snapshots, the first folded from the last stored one.
        case snapshots([SnapshotPlan])
        /// The event after snapshot `position` crossed into the month of `day`.
        case crossing(position: UInt64, day: LocalDate)
    }

    /// At most this many snapshots are folded in one read transaction and stored in one write
    /// transaction (one sync for all: after a big import the syncs, not the folds, were the cost).
    static let snapshotsPerBatch = 32

    /// Folds from the last snapshot over the next boundaries (none when the head comes first).
    private func planSnapshots(in reader: LedgerReader, _ databases: SnapshotDatabases) throws -> Step {
        let txn = reader.transaction
        let every = try BusinessTimeIndex(transaction: txn, database: databases.time).interval()
        let last = try SnapshotCatalog(transaction: txn, database: databases.catalog).last()
        let after = last?.position ?? 0
        guard try reader.head().sequence > after else { return .none }
        var tracker = BusinessTimeTracker(watermark: last?.watermark)
        var fold = SnapshotFold(
            bases: TierModel.allCases.map {
                SnapshotView(transaction: txn, database: databases.versions, model: $0.rawValue, position: after)
            })
        var plans: [SnapshotPlan] = []
        var previous = last
        var crossedAtStart: LocalDate?
        func close(at position: UInt64, monthEnds: [LocalDate], next: LocalDate?) throws {
            let deltas = try fold.deltas()
            let models = deltas.map { delta in
                SnapshotEntry.ModelDelta(
                    model: delta.model.rawValue, changedKeys: delta.entries.count, changedBytes: delta.bytes,
                    deltaDigest: delta.digest,
                    digest: SnapshotFold<SnapshotView>.chained(
                        previous?.delta(of: delta.model.rawValue)?.digest ?? "", delta.digest))
            }
            let entry = SnapshotEntry(
                position: position, watermark: tracker.watermark, monthEnds: monthEnds, nextWatermark: next,
                models: models)
            plans.append(
                SnapshotPlan(
                    after: previous?.position ?? 0, entry: entry, deltas: deltas, steps: tracker.steps,
                    late: tracker.late))
            tracker.drain()
            previous = entry
        }
        try forEachEvent(in: reader, from: after + 1) { event, context in
            let day = context.occurredOn
            if tracker.crossesMonthEnd(day) {
                let open = previous?.position ?? 0
                if context.sequence - 1 > open {
                    try close(at: context.sequence - 1, monthEnds: tracker.monthEndsCrossed(by: day), next: day)
                } else if context.sequence == after + 1, last?.nextWatermark.map({ $0 < day }) ?? true {
                    crossedAtStart = day
                }
            }
            guard plans.count < Self.snapshotsPerBatch else { return false }
            try fold.apply(event, context)
            tracker.record(sequence: context.sequence, day: day)
            if context.sequence % every == 0 {
                try close(at: context.sequence, monthEnds: [], next: nil)
            }
            return plans.count < Self.snapshotsPerBatch
        }
        if !plans.isEmpty { return .snapshots(plans) }
        if let crossedAtStart, last != nil { return .crossing(position: after, day: crossedAtStart) }
        return .none
    }
}
