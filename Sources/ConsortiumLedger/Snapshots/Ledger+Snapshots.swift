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
        let current = try store.environment.read { txn in try Self.snapshotsMatchModels(in: txn, databases) }
        if !current { try store.environment.write { txn in try Self.restartSnapshots(in: txn, databases) } }
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
        try store.environment.write { txn in try Self.clearSnapshots(in: txn, databases) }
    }

    private static func clearSnapshots(in txn: Transaction, _ databases: SnapshotDatabases) throws {
        let interval = try txn.get(databases.time, BusinessTimeIndex.intervalKey).map { Array($0) }
        for database in databases.all { try txn.clear(database) }
        if let interval { try txn.put(databases.time, BusinessTimeIndex.intervalKey, interval) }
    }

    /// Whether the stored snapshots were written by this set of read models and projector versions.
    static func snapshotsMatchModels(in txn: Transaction, _ databases: SnapshotDatabases) throws -> Bool {
        let stored = try txn.get(databases.time, BusinessTimeIndex.modelsKey).map { Array($0) }
        return stored == Array(BusinessTimeIndex.modelSignature.utf8)
    }

    /// Drops snapshots another set of read models or projector versions wrote (keeping the
    /// interval) and marks the databases as this set's, to be written again from zero.
    static func restartSnapshots(in txn: Transaction, _ databases: SnapshotDatabases) throws {
        try clearSnapshots(in: txn, databases)
        try txn.put(databases.time, BusinessTimeIndex.modelsKey, Array(BusinessTimeIndex.modelSignature.utf8))
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
    private func planSnapshots(in reader: LogReader, _ databases: SnapshotDatabases) throws -> Step {
        var planner = try SnapshotPlanner(
            transaction: reader.transaction, databases: databases, limit: Self.snapshotsPerBatch)
        guard try reader.head().sequence > planner.after else { return .none }
        try forEachEvent(in: reader, from: planner.after + 1) { event, context in
            try planner.feed(event, context)
        }
        let plans = planner.takePlans()
        if !plans.isEmpty { return .snapshots(plans) }
        if let crossed = planner.crossedAtStart, planner.last != nil {
            return .crossing(position: planner.after, day: crossed)
        }
        return .none
    }
}
