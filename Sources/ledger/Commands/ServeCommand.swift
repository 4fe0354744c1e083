import ArgumentParser
import ConsortiumLedger
import Foundation
import LedgerServer
import Logging
import Replication

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

            With --http HOST:PORT the same process also serves the HTTP API of docs/SERVICE.md \
            (tokens from `ledger token issue`). Plain HTTP is allowed on loopback only; elsewhere \
            give --tls-cert and --tls-key (or --insecure-http behind a TLS-terminating proxy). \
            SIGTERM then also lets requests in flight finish before it stops.

            With --witness NAME=URL,KEYFILE (repeatable) it signs a checkpoint whenever records were \
            appended (checked every --checkpoint-every seconds) and has each one cosigned by those C2SP \
            witnesses (`ledger witness serve`); /v1/checkpoint serves the note with the cosignatures. \
            See docs/WITNESSES.md.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Also serve the HTTP API on HOST:PORT (e.g. 127.0.0.1:8080; port 0 picks a free one).")
    var http: String?

    @Option(help: "PEM certificate chain for HTTPS (with --tls-key).") var tlsCert: String?
    @Option(help: "PEM private key for HTTPS (with --tls-cert).") var tlsKey: String?
    @Flag(help: "Allow plain HTTP on a non-loopback address (only behind a TLS-terminating proxy).")
    var insecureHttp = false

    @Option(help: "A witness to cosign every new checkpoint: NAME=URL,KEYFILE (repeatable).") var witness: [String] = []
    @Option(help: "With --witness: seconds between checks for a new checkpoint to sign and cosign.")
    var checkpointEvery: Double = 5

    func validate() throws {
        if http == nil, tlsCert != nil || tlsKey != nil || insecureHttp {
            throw ValidationError("--tls-cert, --tls-key and --insecure-http go with --http HOST:PORT")
        }
    }

    func run() throws {
        // Before any thread starts and before "serving" is printed: see StopSignals.
        let stopSignals = StopSignals()
        let opened = try Ledger(path: ledger.path)
        var httpConfiguration: ServerConfiguration?
        if let http {
            do {
                var configuration = try ServerConfiguration(address: http)
                configuration.tlsCertificatePath = tlsCert
                configuration.tlsKeyPath = tlsKey
                configuration.allowInsecureHTTP = insecureHttp
                try configuration.validate()
                httpConfiguration = configuration
            } catch let error as ServerConfigurationError {
                throw CLIError(error.description)
            }
        }
        // One group commit for both doors: socket and HTTP appends arriving together share a sync.
        let queue = GroupCommitQueue(ledger: opened)
        let server = try AppendServer(ledger: opened, queue: queue)
        signal(SIGPIPE, SIG_IGN)
        let witnessing = try startWitnessing(opened)
        defer { witnessing?.cancel() }
        Thread { server.run() }.start()
        say("serving \(ledger.path) on \(server.socketPath)")
        if let httpConfiguration {
            do {
                try serveHTTP(opened, queue, httpConfiguration, stopSignals)
            } catch {
                server.stop()  // removes the socket: local clients fall back to direct appends
                throw CLIError("the HTTP service stopped: \(error)")
            }
        } else {
            stopSignals.wait()
        }
        server.stop()
        say("stopped: \(server.queue.batchCount) appends in \(server.queue.commitCount) commits")
    }

    /// Runs the HTTP service until SIGTERM/SIGINT, drained.
    private func serveHTTP(
        _ opened: Ledger, _ queue: GroupCommitQueue, _ configuration: ServerConfiguration, _ stopSignals: StopSignals
    ) throws {
        let scheme = configuration.usesTLS ? "https" : "http"
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        var logger = Logger(label: "consortium-ledger")
        logger.logLevel = .notice
        let httpServer = try LedgerHTTPServer(
            ledger: opened, configuration: configuration, logger: logger, queue: queue
        ) { port in
            say("listening on \(scheme)://\(host):\(port)")
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        // The service group's own signal handling has the race StopSignals avoids.
        stopSignals.onFirstSignal { _ in httpServer.stop() }
        Task {
            do { try await httpServer.run(handleSignals: false) } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        say("http stopped")
        if let error = failure.error { throw error }
    }

    /// The `--witness` loop, on its own task until the server stops.
    private func startWitnessing(_ opened: Ledger) throws -> Task<Void, Never>? {
        guard !witness.isEmpty else { return nil }
        let endpoints = try witness.map { try WitnessEndpoint(parsing: $0) }
        var logger = Logger(label: "consortium-ledger-witnessing")
        logger.logLevel = .notice
        let witnessing = CheckpointWitnessing(
            ledger: opened, witnesses: endpoints, interval: max(checkpointEvery, 0.05), logger: logger)
        return Task { await witnessing.run() }
    }
}

/// Unbuffered, so a supervisor (or a test) sees the line the moment the server is ready.
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Carries the HTTP server's error from its task to the waiting command thread.
private final class FailureBox: @unchecked Sendable {  // written before the semaphore signals, read after
    var error: (any Error)?
}
