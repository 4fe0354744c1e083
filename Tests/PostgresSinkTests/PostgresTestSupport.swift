import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import PostgresNIO
import Testing

@testable import PostgresSink

/// The test PostgreSQL server (`Tools/postgres/test-server.sh start` prints its URL; `.ci/run`
/// exports it as LEDGER_TEST_POSTGRES_URL). Tests that need it are skipped, with this reason
/// printed, when the variable is unset.
enum PostgresTest {
    static let url: String? = {
        let value = ProcessInfo.processInfo.environment["LEDGER_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }()
    static var available: Bool { url != nil }
    static let skipReason: Comment =
        "LEDGER_TEST_POSTGRES_URL is unset: run `Tools/postgres/test-server.sh start` and export the URL it prints"

    /// A new, empty database on the test server for one test (dropped by `drop`).
    static func freshDatabase(_ label: String) throws -> PostgresURL {
        guard let url else { throw SinkError(.invalidSetup, "\(skipReason)") }
        let server = try PostgresURL(url)
        let name = "sink_\(label)_\(UInt32.random(in: 0...UInt32.max))"
        _ = try psql("CREATE DATABASE \(name)", server)
        return server.with(database: name)
    }

    static func drop(_ database: PostgresURL) {
        guard let url, let server = try? PostgresURL(url) else { return }
        _ = try? psql("DROP DATABASE IF EXISTS \(database.database) WITH (FORCE)", server)
    }

    /// Runs one statement with `psql` (Debian's client, installed with the server) and returns
    /// its rows, one line each, unaligned. Tests query through a separate process so that no
    /// test thread waits on the concurrency pool while holding one of its threads.
    static func psql(_ sql: String, _ url: PostgresURL) throws -> [String] {
        let result = try ChildProcess.run(
            executable: "/usr/bin/psql", [url.text, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], limit: 120)
        guard result.status == 0 else { throw SinkError(.databaseRefused, "psql \(sql): \(result.stderr)") }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// One integer the query answers (0 for NULL).
    static func integer(_ sql: String, _ url: PostgresURL) throws -> Int64 {
        try psql(sql, url).first.flatMap { Int64($0) } ?? 0
    }

    /// Each row the query answers as one JSON object (`SELECT to_jsonb(t)::text FROM t …`).
    static func objects(_ sql: String, _ url: PostgresURL) throws -> [JSONObject] {
        try psql(sql, url).map { line in
            guard case .object(let object) = try JSONValue.parse(line) else {
                throw SinkError(.source, "not a JSON object: \(line)")
            }
            return object
        }
    }

    /// The chain hashes PostgreSQL holds for a ledger, in sequence order, as hex.
    static func hashes(ledgerId: String, _ url: PostgresURL) throws -> [String] {
        try psql(
            "SELECT encode(hash, 'hex') FROM consortium_events WHERE ledger_id = '\(ledgerId)' ORDER BY sequence", url)
    }

    /// Runs `body` with a connection to `url` (async tests only).
    static func with<R>(_ url: PostgresURL, _ body: (SinkDatabase) async throws -> R) async throws -> R {
        let database = try await SinkDatabase.connect(url)
        do {
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}

/// Generated consortia as ledgers on disk.
enum SinkFixtures {
    /// A ledger of `events` generated events (seed `seed`), imported in batches.
    static func ledger(events: Int, seed: Int, in dir: TemporaryDirectory, name: String) throws -> Ledger {
        let file = try GeneratedHistory.write(events: events, seed: seed, in: dir)
        let ledger = try Ledger.create(path: dir.file(name))
        _ = try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 50_000))
        return ledger
    }

    /// Every chain hash of a ledger, in sequence order, as hex.
    static func hashes(_ ledger: Ledger) throws -> [String] {
        var hashes: [String] = []
        while true {
            let chunk = try ledger.sinkChunk(after: UInt64(hashes.count), limit: 50_000, includeData: false)
            if chunk.records.isEmpty { return hashes }
            hashes += chunk.records.map { hex($0.hash) }
        }
    }

    static func ledgerId(_ ledger: Ledger) throws -> String { try ledger.sinkChunk(after: 0, limit: 0).ledgerId }

    /// `ledger sink postgres` to completion.
    static func sink(_ ledger: Ledger, _ url: PostgresURL, _ extra: [String] = []) throws -> ChildResult {
        try ChildProcess.run(
            "ledger", ["sink", "postgres", "--url", url.text, "--ledger", ledger.path] + extra, limit: 600)
    }
}

extension PostgresURL {
    /// The URL again, for a command line.
    var text: String { "postgresql://\(user)@\(host):\(port)/\(database)" }
}
