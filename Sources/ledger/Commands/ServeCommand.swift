import ArgumentParser
import ConsortiumLedger
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Own the ledger's writes and group-commit the appends of every `ledger append` (one sync for many).",
        discussion: """
            Listens on serve.sock inside the ledger directory (mode 0600). While it runs, \
            `ledger append` sends its events here; concurrent appends share one durable commit, \
            and each is acknowledged only once that commit is synced. Each append keeps its own \
            checks: expected version, idempotency by id, rules and member signatures; a rejected \
            one gets its own error and the others still commit. When no server runs (or its socket \
            is stale), `ledger append` writes directly. SIGTERM or SIGINT stops it cleanly: appends \
            already received are committed, then the socket is removed.
            """)

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let opened = try Ledger(path: ledger.path)
        let server = try AppendServer(ledger: opened)
        signal(SIGPIPE, SIG_IGN)
        let stopRequested = DispatchSemaphore(value: 0)
        let sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopRequested.signal() }
            source.resume()
            return source
        }
        Thread { server.run() }.start()
        say("serving \(ledger.path) on \(server.socketPath)")
        stopRequested.wait()
        server.stop()
        for source in sources { source.cancel() }
        say("stopped: \(server.queue.batchCount) appends in \(server.queue.commitCount) commits")
    }

    /// Unbuffered, so a supervisor (or a test) sees the line the moment the server is ready.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
