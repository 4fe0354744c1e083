import Domain
import EventStore
import Foundation
import LMDB

/// Applies a group of callers' batches in one synced write transaction.
struct GroupCommitter: Sendable {
    struct Statistics: Sendable {
        var commits = 0
        var batches = 0
    }

    let ledger: Ledger
    /// Updated by the committer, read by anyone.
    private let counters = Locked(Statistics())
    /// Writes the read-model snapshots a commit crossed, off the commit's path.
    let checkpointer: BackgroundCheckpointer

    init(ledger: Ledger) {
        self.ledger = ledger
        checkpointer = BackgroundCheckpointer(ledger: ledger)
    }

    var statistics: Statistics { counters.value }

    /// One outcome per request, in order. The whole group is first tried in one nested transaction
    /// sharing one set of hooks; if any batch is rejected, that attempt is aborted and each batch
    /// runs in its own nested transaction instead: a rejected one is aborted alone and leaves no
    /// trace, since every cache (rule state, projections, Merkle accumulator) is loaded from and
    /// written back to that nested transaction.
    func commit(_ requests: [AppendRequest]) -> [Result<AppendResult, any Error>] {
        do {
            // The environment may run this closure again (map growth): outcomes are rebuilt each time.
            let outcomes = try ledger.store.write { writer in
                if requests.count > 1 {
                    // The usual case, every batch accepted: one set of hooks for the whole group.
                    do {
                        return try writer.nested { try ledger.appendTogether(requests, in: $0) }.map {
                            Result<AppendResult, any Error>.success($0)
                        }
                    } catch  where Self.rejectsOnlyItsBatch(error) {
                        // Someone's batch was rejected: nothing of the attempt stays; go caller by caller.
                    }
                }
                return try requests.map { request -> Result<AppendResult, any Error> in
                    do {
                        return .success(
                            try writer.nested { child in
                                try ledger.append(request.events, domainEvents: request.domainEvents, in: child)
                            })
                    } catch  where Self.rejectsOnlyItsBatch(error) {
                        return .failure(error)
                    }
                }
            }
            counters.withLock {
                $0.commits += 1
                $0.batches += requests.count
            }
            checkpointer.committed(requests.flatMap(\.events))
            return outcomes
        } catch {
            // The group as a whole failed (storage, commit): each caller alone, so each learns its own fate.
            guard requests.count > 1 else { return [.failure(error)] }
            return requests.map { request in
                let outcome = Result { try ledger.append(request.events, domainEvents: request.domainEvents) }
                counters.withLock {
                    $0.commits += 1
                    $0.batches += 1
                }
                return outcome
            }
        }
    }

    /// A caller's own mistake (version conflict, id reuse, rule, signature, malformed event);
    /// anything else (LMDB trouble, a full map to grow) concerns the whole transaction.
    static func rejectsOnlyItsBatch(_ error: any Error) -> Bool {
        if error is LedgerError { return true }
        if let error = error as? EventStoreError { return error.code != .storage }
        return false
    }
}
