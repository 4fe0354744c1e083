import Dispatch
import Domain
import EventStore

/// Runs the snapshot checkpointer after group commits on a queue of its own, so that the
/// callers of the commit that crossed a boundary — and every group queued behind it — are not
/// held up by a fold of up to one interval (docs/TIME-TRAVEL.md, "Who writes them").
///
/// Commits that land while a run is pending add their events to it: one run covers them all.
/// The checkpointer is idempotent and folds on a read transaction, so running beside the next
/// commits is safe; a run lost to a crash is redone by the next trigger or query.
final class BackgroundCheckpointer: Sendable {
    private let ledger: Ledger
    private let queue = DispatchQueue(label: "ledger.checkpointer", qos: .utility)
    /// Events committed since the pending run was scheduled (nil: none pending).
    private let pending = Locked<[NewEvent]?>(nil)

    init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Notes a committed group's events and schedules a run unless one is already pending.
    func committed(_ events: [NewEvent]) {
        guard !events.isEmpty else { return }
        let schedule = pending.withLock { waiting -> Bool in
            if waiting == nil {
                waiting = events
                return true
            }
            waiting?.append(contentsOf: events)
            return false
        }
        guard schedule else { return }
        queue.async { [self] in
            let events = pending.withLock { waiting -> [NewEvent] in
                defer { waiting = nil }
                return waiting ?? []
            }
            ledger.snapshotAfterAppend(events)
        }
    }

    /// Waits until every scheduled run has finished (for a clean stop, and for tests).
    func waitUntilIdle() {
        queue.sync {}
    }
}
