import EventStore
import Foundation

/// Appends batches through the ledger's `ledger serve` when one is running, otherwise
/// directly (each batch its own write transaction). Both paths give the same errors.
public struct AppendRoute {
    /// One batch: each event as the JSON text it was parsed from, with its fixed id and signature.
    public typealias Batch = [(json: String, prepared: PreparedLine)]

    public let ledgerPath: String
    /// How many batches may await their commit at once through the server; more in flight
    /// lets one sync cover more of this process's batches.
    public var window: Int

    public init(ledgerPath: String, window: Int = 1) {
        self.ledgerPath = ledgerPath
        self.window = max(1, window)
    }

    /// Appends each batch as its own atomic, durable append, in order, and hands each outcome
    /// to `report` (in order) once that batch is synced or rejected. Returns true when the
    /// server took them (a server that vanishes midway leaves the rest to the direct path).
    @discardableResult
    public func append(_ batches: [Batch], report: (Int, Result<AppendResult, any Error>) -> Void) throws -> Bool {
        var done = 0
        if let client = try AppendClient.connect(ledgerPath: ledgerPath) {
            do {
                var sent = 0
                while done < batches.count {
                    while sent < batches.count, sent - done < window {
                        try client.send(batches[sent])
                        sent += 1
                    }
                    report(done, try client.receive())
                    done += 1
                }
                return true
            } catch is AppendClient.ConnectionLost {
                // Unanswered batches go the direct way with the same ids: one already
                // committed by the server is then reported as already recorded.
            }
        }
        guard done < batches.count else { return false }
        let ledger = try Ledger(path: ledgerPath)
        for index in done..<batches.count {
            report(index, Result { try ledger.append(AppendRequest(prepared: batches[index].map(\.prepared))) })
        }
        return false
    }
}

extension Ledger {
    /// Appends one prepared batch directly, in its own write transaction (see `GroupCommitQueue`
    /// for sharing one sync between concurrent callers).
    @discardableResult
    public func append(_ request: AppendRequest) throws -> AppendResult {
        try append(request.events, domainEvents: request.domainEvents)
    }
}
