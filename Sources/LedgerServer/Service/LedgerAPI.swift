import ConsortiumLedger
import Foundation
import Logging
import Synchronization

/// What every route group shares: the ledger (through its facade), the token book, the
/// group commit every HTTP append goes through, the signal the feed waits on, and metrics.
public final class LedgerAPI: Sendable {
    public let ledger: Ledger
    let tokens: TokenBook
    public let queue: GroupCommitQueue
    /// Whether the queue is this API's own (closed when the HTTP server stops) rather than
    /// shared with the process's other appenders (the Unix socket), whose owner closes it.
    let ownsQueue: Bool
    let commits = CommitSignal()
    let metrics: ServiceMetrics
    let logger: Logger
    let configuration: ServerConfiguration
    /// Token id → when its last use was written (see `noteUse`).
    let lastUseWritten = Mutex<[String: Date]>([:])
    /// Set on graceful shutdown, so feeds end and the drain can finish.
    let stopping = Atomic<Bool>(false)
    /// Signalled by `LedgerHTTPServer.stop()` (and once the server has stopped).
    let stopRequested = OneShotSignal()

    public init(
        ledger: Ledger, configuration: ServerConfiguration, logger: Logger, queue: GroupCommitQueue? = nil
    ) throws {
        self.ledger = ledger
        tokens = try ledger.tokenBook()
        self.queue = queue ?? GroupCommitQueue(ledger: ledger)
        ownsQueue = queue == nil
        metrics = ServiceMetrics(queue: self.queue)
        // Every commit wakes the feed, whichever door its appends came through.
        self.queue.observeCommits { [commits] in commits.pulse() }
        self.logger = logger
        self.configuration = configuration
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Ends feeds and lets no new append in; appends already queued still commit.
    func beginStopping() {
        stopping.store(true, ordering: .relaxed)
        commits.pulse()
    }
}
