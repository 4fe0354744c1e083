import ConsortiumLedger
import Dispatch
import Foundation
import PostgresSink

/// `ledger sink postgres` throughput (events, three tiers and position per transaction) beside
/// PostgreSQL's own COPY of the same event rows into the same table, both against the server
/// at $LEDGER_BENCH_POSTGRES_URL (or $LEDGER_TEST_POSTGRES_URL), each into a fresh database.
struct SinkBenchmark {
    let server: PostgresURL

    init?() {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["LEDGER_BENCH_POSTGRES_URL"] ?? environment["LEDGER_TEST_POSTGRES_URL"],
            let url = try? PostgresURL(text)
        else { return nil }
        server = url
    }

    /// (sink rate, COPY anchor rate), events per second.
    func run(_ ledger: Ledger, events: Int) throws -> (sink: Double, copy: Double) {
        let (rows, text) = try CopyAnchor.encode(ledger)
        guard rows == events else { throw BenchError("the ledger has \(rows) events, expected \(events)") }
        let copyURL = try fresh("anchor")
        let copySeconds = try blocking { try await CopyAnchor.copySeconds(text, into: copyURL) }
        try drop(copyURL)

        let sinkURL = try fresh("sink")
        let source = try LocalLedgerSource(path: ledger.path)
        let sink = try PostgresSink(source: source, options: SinkOptions(url: sinkURL))
        let start = now()
        let summary = try blocking { try await sink.run() }
        let sinkSeconds = now() - start
        try drop(sinkURL)
        guard summary.lastSequence == UInt64(events) else {
            throw BenchError("the sink wrote up to \(summary.lastSequence) of \(events)")
        }
        return (Double(events) / sinkSeconds, Double(events) / copySeconds)
    }

    private func fresh(_ label: String) throws -> PostgresURL {
        let name = "ledger_bench_\(label)_\(getpid())"
        try blocking {
            let admin = try await SinkDatabase.connect(server)
            try await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try await admin.execute("CREATE DATABASE \(name)")
            await admin.close()
        }
        return server.with(database: name)
    }

    private func drop(_ url: PostgresURL) throws {
        try blocking {
            let admin = try await SinkDatabase.connect(server)
            try await admin.execute("DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)")
            await admin.close()
        }
    }
}
