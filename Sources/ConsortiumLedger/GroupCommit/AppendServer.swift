import Domain
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ledger serve`: owns a ledger's writes and group-commits the appends its clients send over
/// a Unix-domain socket inside the ledger directory (mode 0600, so only the ledger's owner).
///
/// Why a server: LMDB serialises writers across processes, so N appending processes pay N
/// syncs; funnelling them through one process lets one sync cover all of them.
public final class AppendServer: Sendable {
    /// Where the socket of the ledger at `ledgerPath` lives.
    public static func socketPath(ledgerPath: String) -> String { ledgerPath + "/serve.sock" }

    public let socketPath: String
    /// The group commit every connection's requests go through.
    public let queue: GroupCommitQueue
    private let listener: Int32
    private let stopped = Locked(false)

    /// Binds the socket of `ledger`. A socket file left by a server that died is replaced;
    /// a live server there is an error. Appends go through `queue` when given (shared with the
    /// HTTP service, so both doors' appends share synced commits), else through a queue of its own.
    public init(ledger: Ledger, queue: GroupCommitQueue? = nil) throws {
        socketPath = Self.socketPath(ledgerPath: ledger.path)
        if let fd = try UnixSocket.connection(to: socketPath) {
            close(fd)
            throw LedgerError(
                .alreadyExists, "a ledger server is already running for \(ledger.path) (socket \(socketPath))")
        }
        unlink(socketPath)
        listener = try UnixSocket.listening(at: socketPath)
        self.queue = queue ?? GroupCommitQueue(ledger: ledger)
    }

    /// Accepts connections until `stop()`; each connection is served on its own thread.
    public func run() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                if isStopped { return }
                usleep(10_000)  // EMFILE and the like: back off instead of spinning
                continue
            }
            if isStopped {
                close(fd)
                return
            }
            let connection = AppendConnection(fd: fd, queue: queue)
            Thread { connection.serve() }.start()
        }
    }

    /// Stops accepting, removes the socket (new clients take the direct path), lets every
    /// request already queued commit and returns when the last group has been synced.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        unlink(socketPath)
        shutdown(listener, Int32(SHUT_RDWR))
        queue.close()
    }

    private var isStopped: Bool { stopped.value }
}
