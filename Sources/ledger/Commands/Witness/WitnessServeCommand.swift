import ArgumentParser
import Audit
import Foundation
import Logging
import Replication

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct WitnessServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve C2SP tlog-witness POST /add-checkpoint for the given ledgers.",
        discussion: """
            For each --log ORIGIN=checkpoint.pub the witness keeps, in --state, the last checkpoint it \
            cosigned, and cosigns a new one only if the log signed it and an RFC 6962 consistency proof \
            links it to that one. Answers: 200 with the cosignature line; 409 with the last cosigned size \
            (text/x.tlog.size) for a stale old size, or for another root at the same size; 422 for a \
            failing proof; 404 for an unknown origin; 403 for a bad log signature; 400 for a malformed \
            request. A refused checkpoint that the log did sign is kept, with the cosigned one and the \
            proof, under STATE/evidence/. SIGTERM or SIGINT stops it.
            """)

    @Option(help: "Listen on HOST:PORT (port 0 picks a free one).") var http: String
    @Option(help: "The witness's private key from `ledger witness keygen`.") var key: String
    @Option(help: "A ledger to witness: ORIGIN=PUBLIC_KEY_FILE (repeatable). ORIGIN is line 1 of its checkpoints.")
    var log: [String] = []
    @Option(help: "Directory for cosigned checkpoints and evidence (default: the key path + .state).")
    var state: String?
    /// For tests: stop as if by SIGTERM after this many seconds, so no witness outlives its test.
    @Option(help: .hidden) var lifetime: Double?

    func validate() throws {
        if log.isEmpty { throw ValidationError("give at least one --log ORIGIN=checkpoint.pub") }
    }

    func run() throws {
        // Before any thread starts and before "listening" is printed: see StopSignals.
        let stopSignals = StopSignals()
        let (host, port) = try Self.address(http)
        let signingKey = try CosignerSigningKey.load(from: key)
        var logs: [String: LedgerPublicKey] = [:]
        for entry in log {
            guard let equals = entry.lastIndex(of: "="), equals != entry.startIndex else {
                throw CLIError("--log \(entry): expected ORIGIN=PUBLIC_KEY_FILE")
            }
            let origin = String(entry[..<equals])
            logs[origin] = try LedgerPublicKey.load(from: String(entry[entry.index(after: equals)...]))
        }
        let stateDirectory = state ?? key + ".state"
        let witness = try Witness(key: signingKey, logs: logs, stateDirectory: stateDirectory)
        signal(SIGPIPE, SIG_IGN)
        var logger = Logger(label: "consortium-ledger-witness")
        logger.logLevel = .notice
        let server = WitnessHTTPServer(witness: witness, host: host, port: port)
        let name = signingKey.name
        if let lifetime {
            Thread {
                Thread.sleep(forTimeInterval: lifetime)
                kill(getpid(), SIGTERM)
            }.start()
        }
        try waitFor { [logger] in
            let serving = Task {
                try await server.run(logger: logger, handleSignals: false) { bound in
                    sayNow("witness \(name) listening on http://\(host):\(bound) (state \(stateDirectory))")
                }
            }
            stopSignals.onFirstSignal { _ in serving.cancel() }
            do { try await serving.value } catch is CancellationError {}
        }
        sayNow("witness stopped")
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port), colon != text.startIndex
        else { throw CLIError("--http \(text): expected HOST:PORT, e.g. 127.0.0.1:8090") }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}
