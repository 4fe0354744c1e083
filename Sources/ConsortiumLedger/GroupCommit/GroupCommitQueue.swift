import Domain
import EventStore
import Foundation

/// Group commit for concurrent appenders sharing one `Ledger`: callers enqueue their batches,
/// one committer takes everything queued, applies each caller's batch in order inside ONE
/// write transaction (each in its own nested transaction), commits once — one sync — and
/// then completes every caller.
///
/// Why: a durable commit costs a sync (milliseconds); with one transaction per caller,
/// concurrent appenders queue behind LMDB's writer lock and pay one sync each. Durability is
/// unchanged: a caller is completed only after the transaction holding its batch is synced.
/// A caller whose batch is rejected gets its own error; the others in the group still commit.
///
/// `@unchecked Sendable`: the fields below `state` are guarded by it, an `NSCondition` because
/// callers wait on it for a drain to end, which `Locked` does not offer.
public final class GroupCommitQueue: @unchecked Sendable {
    /// Called once per request, on the committer's thread, after the group's commit.
    public typealias Completion = @Sendable (Result<AppendResult, any Error>) -> Void

    /// The error a request submitted after `close()` gets: nothing of it was written.
    public struct Closed: Error, CustomStringConvertible {
        public var description: String { "the ledger's append service is shutting down; nothing was written" }
    }

    /// Above this many events a group is cut, so one transaction stays far below LMDB's
    /// dirty-page cap (MDB_TXN_FULL) however many callers queue.
    public static let maxGroupEvents = 50_000

    private let committer: GroupCommitter
    /// Guards everything below; signalled when a drain ends or commits are released.
    private let state = NSCondition()
    private var waiting: [(request: AppendRequest, completion: Completion)] = []
    private var draining = false
    private var closed = false
    private var held = false
    private let worker = DispatchQueue(label: "consortium-ledger.group-commit")
    /// Told after every commit that recorded something new (see `observeCommits`).
    private let observers = Locked<[@Sendable () -> Void]>([])

    /// A queue appending to `ledger`. Share one per process (or per `ledger serve`).
    public init(ledger: Ledger) {
        committer = GroupCommitter(ledger: ledger)
    }

    /// Write transactions committed so far (each one sync, holding one or more batches).
    public var commitCount: Int { committer.statistics.commits }
    /// Batches appended or rejected so far.
    public var batchCount: Int { committer.statistics.batches }

    /// Enqueues `request`; `completion` runs once its group has committed (or it was rejected).
    public func submit(_ request: AppendRequest, completion: @escaping Completion) {
        state.lock()
        guard !closed else {
            state.unlock()
            completion(.failure(Closed()))
            return
        }
        waiting.append((request, completion))
        let startDrain = !draining
        draining = true
        state.unlock()
        if startDrain { worker.async { self.drain() } }
    }

    /// Appends `request` and returns once it is durable (blocks the calling thread).
    public func append(_ request: AppendRequest) throws -> AppendResult {
        let outcome = OutcomeBox()
        submit(request) { outcome.set($0) }
        return try outcome.wait().get()
    }

    /// Stops taking requests, lets every queued one commit, and returns when the committer is
    /// idle and the snapshots the last commits crossed are written.
    public func close() {
        state.lock()
        closed = true
        held = false
        state.broadcast()
        while draining { state.wait() }
        state.unlock()
        committer.checkpointer.waitUntilIdle()
    }

    /// Calls `observer` after every commit that recorded at least one new event, whichever door
    /// its batch came through (the Unix socket, HTTP, an in-process caller), on the committer's
    /// thread, after the commit and before its callers are completed; for as long as the queue lives.
    /// Why: the HTTP feed wakes its followers at once instead of finding the events by re-reading.
    public func observeCommits(_ observer: @escaping @Sendable () -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Requests waiting for the committer (not counting the group being committed).
    var queuedCount: Int {
        state.lock()
        defer { state.unlock() }
        return waiting.count
    }

    /// Keeps queued requests waiting until `releaseCommits()`, so a test can fill one group.
    func holdCommits() {
        state.lock()
        held = true
        state.unlock()
    }

    func releaseCommits() {
        state.lock()
        held = false
        state.broadcast()
        state.unlock()
    }

    private func drain() {
        while true {
            state.lock()
            while held { state.wait() }
            let group = takeGroup()
            if group.isEmpty {
                draining = false
                state.broadcast()
                state.unlock()
                return
            }
            state.unlock()
            let outcomes = committer.commit(group.map(\.request))
            if outcomes.contains(where: Self.recordedSomething) {
                for observer in observers.withLock({ $0 }) { observer() }
            }
            for (entry, outcome) in zip(group, outcomes) { entry.completion(outcome) }
        }
    }

    private static func recordedSomething(_ outcome: Result<AppendResult, any Error>) -> Bool {
        guard case .success(let result) = outcome else { return false }
        return result.duplicates.contains(false)
    }

    /// The queued requests, oldest first, up to `maxGroupEvents` events (at least one request).
    private func takeGroup() -> [(request: AppendRequest, completion: Completion)] {
        var events = 0
        var taken = 0
        while taken < waiting.count, taken == 0 || events + waiting[taken].request.count <= Self.maxGroupEvents {
            events += waiting[taken].request.count
            taken += 1
        }
        let group = Array(waiting.prefix(taken))
        waiting.removeFirst(taken)
        return group
    }
}

/// Hands one result from the committer's thread to a waiting caller.
private final class OutcomeBox: Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let outcome = Locked<Result<AppendResult, any Error>?>(nil)

    func set(_ value: Result<AppendResult, any Error>) {
        outcome.withLock { $0 = value }
        ready.signal()
    }

    func wait() -> Result<AppendResult, any Error> {
        ready.wait()
        return outcome.value ?? .failure(LedgerError(.io, "the group commit ended without a result"))
    }
}
