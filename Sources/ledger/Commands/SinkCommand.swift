import ArgumentParser
import Dispatch
import Foundation
import PostgresSink

struct SinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Copy a ledger into another database for the province's reporting tools.",
        subcommands: [SinkPostgresCommand.self])
}

struct SinkPostgresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "Follow one ledger into PostgreSQL: its events, the three tiers, and the province_council view.",
        discussion: """
            Writes consortium_events (one row per event), council_years, council_kpis, committee_pairs and projects \
            (typed columns), and the ledger's position, in one PostgreSQL transaction per batch: a killed sink resumes \
            exactly where its last commit left it. Many ledgers sink into one database, keyed by ledger id; \
            province_council sums the council figures per year across them. The schema is created and upgraded by \
            the versioned migrations shipped with the ledger (recorded in schema_migrations).

            Every record must continue the hash chain the sink stored; a history rewritten upstream stops the sink \
            with an error naming the sequence, and nothing is written. While PostgreSQL (or the feed) is unreachable \
            the sink says so and retries with backoff (0.5 s doubling to 30 s).
            """)

    @Option(
        help: ArgumentHelp(
            "The database: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].", valueName: "url"))
    var url: String

    @OptionGroup var ledger: LedgerOptions

    @Option(
        help: ArgumentHelp(
            "Read from a ledger server instead of a directory (its /v1/events and /v1/feed; token in $LEDGER_TOKEN).",
            valueName: "server-url"))
    var from: String?

    @Option(
        help:
            "The ledger's id when reading --from a server (`ledger log` does not print it; the first record's chain proves it)."
    )
    var ledgerId: String?

    @Flag(help: "Keep following new events after catching up, until stopped.")
    var follow = false

    @Option(help: "Events per PostgreSQL transaction.")
    var batchSize = 20_000

    @Option(help: "Stop after this many failed connection attempts in a row (default: retry for ever).")
    var maxAttempts: Int?

    @Option(
        help: ArgumentHelp(
            "How long one database operation (connect, statement, COPY, commit) may go unanswered before the sink "
                + "drops the connection and reconnects.", valueName: "seconds"))
    var databaseTimeout: Double = 30

    @Flag(help: "Print a line per committed batch.")
    var verbose = false

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if from != nil && ledger.explicitPath != nil {
            throw ValidationError("give either --ledger or --from, not both")
        }
        if from != nil && ledgerId == nil { throw ValidationError("--from needs --ledger-id ID (the ledger's id)") }
        if !(databaseTimeout > 0) { throw ValidationError("--database-timeout must be more than 0 seconds") }
        if let maxAttempts, maxAttempts < 1 { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() throws {
        let source: any SinkEventSource
        if let from, let ledgerId {
            source = FeedSource(
                url: from, ledgerId: ledgerId, token: ProcessInfo.processInfo.environment["LEDGER_TOKEN"])
        } else {
            source = try LocalLedgerSource(path: ledger.path)
        }
        let verbose = verbose
        var options = SinkOptions(url: try PostgresURL(url)) { line in
            if verbose || !line.hasSuffix("events in PostgreSQL") { Terminal.printError("ledger sink: \(line)") }
        }
        options.follow = follow
        options.batchSize = batchSize
        options.maxAttempts = maxAttempts
        options.databaseTimeout = .milliseconds(Int64(databaseTimeout * 1000))
        let sink = try PostgresSink(source: source, options: options)
        let summary = try runBlocking { try await sink.run() }
        print(
            "ledger \(summary.ledgerId): \(summary.lastSequence) events in PostgreSQL (\(summary.eventsWritten) written now, "
                + "\(summary.transactions) transactions, \(summary.reconnects) reconnects)")
    }
}

/// Runs async work from a synchronous command: the main thread waits while the work runs on
/// the concurrency pool (ArgumentParser's root command is synchronous).
func runBlocking<R: Sendable>(_ work: @escaping @Sendable () async throws -> R) throws -> R {
    let box = ResultBox<R>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            box.result = .success(try await work())
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CLIError("internal: the sink finished without a result") }
    return try result.get()
}

/// Written once by the task before it signals, read once after the wait: the semaphore
/// orders the two accesses.
private final class ResultBox<R>: @unchecked Sendable {
    var result: Result<R, any Error>?
}
