import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

@testable import PostgresSink

/// Exactly once across kills and database restarts: the position moves in the transaction
/// that writes the rows, so whatever happens between commits leaves a consistent database.
@Suite("The sink across kills and restarts", .enabled(if: PostgresTest.available, PostgresTest.skipReason))
struct SinkCrashTests {
    /// What PostgreSQL holds for the ledger must be exactly its history: every sequence once,
    /// every hash the ledger's, the position at the head.
    private func expectExactCopy(of ledger: Ledger, in url: PostgresURL) throws {
        let id = try SinkFixtures.ledgerId(ledger)
        let expected = try SinkFixtures.hashes(ledger)
        let count = try PostgresTest.integer("SELECT count(*) FROM consortium_events WHERE ledger_id = '\(id)'", url)
        let distinct = try PostgresTest.integer(
            "SELECT count(DISTINCT sequence) FROM consortium_events WHERE ledger_id = '\(id)'", url)
        let top = try PostgresTest.integer("SELECT max(sequence) FROM consortium_events WHERE ledger_id = '\(id)'", url)
        let position = try PostgresTest.integer(
            "SELECT last_sequence FROM sink_positions WHERE ledger_id = '\(id)'", url)
        #expect(count == Int64(expected.count))
        #expect(distinct == Int64(expected.count))
        #expect(top == Int64(expected.count))
        #expect(position == Int64(expected.count))
        let stored = try PostgresTest.hashes(ledgerId: id, url)
        let differing = zip(stored, expected).filter { $0 != $1 }.count
        #expect(
            stored.count == expected.count && differing == 0, "every row's hash is the ledger's (\(differing) differ)")
        // The tier rows answer for all of it, not for the events of some interrupted run.
        let year = try ledger.sinkChunk(after: UInt64(expected.count) - 1, limit: 1, includeData: false).records[0]
            .context.year
        let council = try ledger.councilReport(year: year)
        let enrolled = try PostgresTest.integer(
            "SELECT apprentices_enrolled FROM council_years WHERE ledger_id = '\(id)' AND year = \(year)", url)
        #expect(enrolled == council.apprenticesEnrolled)
        let pairs = try PostgresTest.integer("SELECT count(*) FROM committee_pairs WHERE ledger_id = '\(id)'", url)
        #expect(pairs == Int64(try ledger.committeeReports().count))
    }

    /// The sink's position, or 0 while the database has none (or cannot be reached).
    private func position(_ url: PostgresURL) -> Int64 {
        (try? PostgresTest.integer(
            "SELECT coalesce(max(last_sequence), 0) FROM sink_positions", url)) ?? 0
    }

    @Test func killedTenTimesDuringASinkOfAHundredThousandEventsResumesExactlyOnce() throws {
        let dir = TemporaryDirectory("sink-kill")
        let ledger = try SinkFixtures.ledger(events: 100_000, seed: 21, in: dir, name: "city")
        let url = try PostgresTest.freshDatabase("kill")
        defer { PostgresTest.drop(url) }
        let arguments = ["sink", "postgres", "--url", url.text, "--ledger", ledger.path, "--batch-size", "1500"]

        var kills = 0
        var last: Int64 = -1
        while kills < 10 {
            let child = try ChildProcess(product: "ledger", arguments)
            // Wait until this run has committed something new, then kill it at a varying
            // moment: inside a COPY, a tier upsert, a commit or between transactions.
            var progressed = false
            let deadline = Date().addingTimeInterval(120)
            while child.process.isRunning, Date() < deadline {
                if position(url) > last {
                    progressed = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.12))
            child.kill(SIGKILL)
            let result = child.wait(limit: 60)
            #expect(progressed, "run \(kills + 1) made progress before its kill: \(result.stderr)")
            #expect(result.outcome == .signalled(SIGKILL), "the sink was still running when killed: \(result)")
            guard result.outcome == .signalled(SIGKILL) else { break }
            kills += 1
            last = position(url)
        }
        #expect(kills == 10)
        #expect(last < 100_000, "the kills landed before the sink finished")

        let final = try SinkFixtures.sink(ledger, url, ["--batch-size", "1500"])
        #expect(final.status == 0, "final run: \(final.stderr)")
        try expectExactCopy(of: ledger, in: url)
    }

    @Test func databaseRestartedMidSinkTheSinkResumesByItself() throws {
        let dir = TemporaryDirectory("sink-restart")
        let ledger = try SinkFixtures.ledger(events: 20_000, seed: 22, in: dir, name: "city")
        // A cluster of this test's own, so stopping it disturbs no other test.
        let cluster = PrivateCluster()
        let server = try cluster.start()
        defer { cluster.stop() }
        let url = server.with(database: "postgres")

        let child = try ChildProcess(
            product: "ledger",
            [
                "sink", "postgres", "--url", url.text, "--ledger", ledger.path, "--batch-size", "400",
                "--database-timeout", "5",
            ])
        var before: Int64 = 0
        let deadline = Date().addingTimeInterval(120)
        while child.process.isRunning, before == 0, Date() < deadline {
            before = position(url)
            if before == 0 { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(before > 0 && before < 20_000, "the sink was mid-way when the database went down (at \(before))")
        cluster.stop(mode: "immediate")
        // Down long enough for the sink to notice and retry at least once.
        Thread.sleep(forTimeInterval: 2)
        _ = try cluster.start()
        let result = child.wait(limit: 300)
        #expect(result.status == 0, "the sink finished by itself: \(result)")
        #expect(result.stderr.contains("retrying in"), "it said the database was down: \(result.stderr)")
        #expect(result.stdout.contains("reconnects") && !result.stdout.contains(" 0 reconnects"))
        try expectExactCopy(of: ledger, in: url)
    }

    /// A server that stops answering but keeps its connections open (frozen, its machine
    /// hung, the network silently dropped) must not hold the sink: each database operation has
    /// a deadline, after which the sink drops the connection and goes back to reconnecting.
    /// Here the cluster is frozen (SIGSTOP) mid-sink until the sink says it gave up on it, then
    /// SIGKILLed and started again, as a hung machine is power-cycled; the sink finishes by
    /// itself, exactly once.
    @Test func frozenThenKilledDatabaseNeverHoldsTheSink() throws {
        let dir = TemporaryDirectory("sink-frozen")
        let ledger = try SinkFixtures.ledger(events: 10_000, seed: 24, in: dir, name: "city")
        let cluster = PrivateCluster()
        let server = try cluster.start()
        defer { cluster.stop() }
        let url = server.with(database: "postgres")

        let child = try Self.sinkJoiningStandardError(
            ["--url", url.text, "--ledger", ledger.path, "--batch-size", "400", "--database-timeout", "2"])
        let watchdog = DispatchWorkItem { child.kill(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        defer { watchdog.cancel() }
        var before: Int64 = 0
        while child.process.isRunning, before == 0 {
            before = position(url)
            if before == 0 { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(before > 0 && before < 10_000, "the sink was mid-way when the database froze (at \(before))")
        cluster.signal("STOP")
        var gaveUp: String?
        var output: [String] = []
        while gaveUp == nil, let line = child.readLine() {
            output.append(line)
            if line.contains("did not answer within 2 s") { gaveUp = line }
        }
        #expect(gaveUp != nil, "the sink gave up on the frozen server: \(output.suffix(5))")
        #expect(gaveUp?.contains("dropped the connection; retrying in") == true, "\(gaveUp ?? "")")
        cluster.signal("KILL")
        _ = try cluster.start()
        while let line = child.readLine() { output.append(line) }
        let result = child.wait(limit: 300)
        #expect(result.status == 0, "the sink finished by itself: \(result) \(output.suffix(5))")
        #expect(output.last?.contains("10000 events in PostgreSQL") == true, "\(output.suffix(3))")
        try expectExactCopy(of: ledger, in: url)
    }

    /// Started while PostgreSQL is down, the sink prints one plain line per attempt (where,
    /// why, the next delay) and starts sinking by itself once the database is up.
    @Test func startedWhileTheDatabaseIsDownItSaysSoAndStartsWhenItComesUp() throws {
        let dir = TemporaryDirectory("sink-later")
        let ledger = try SinkFixtures.ledger(events: 2_000, seed: 25, in: dir, name: "city")
        let cluster = PrivateCluster()
        defer { cluster.stop() }
        let url = try PostgresURL("postgresql://ledger@127.0.0.1:\(cluster.port)/postgres")
        let child = try Self.sinkJoiningStandardError(["--url", url.text, "--ledger", ledger.path])
        let watchdog = DispatchWorkItem { child.kill(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        defer { watchdog.cancel() }
        var lines: [String] = []
        while lines.count < 3, let line = child.readLine() { lines.append(line) }
        let expected = [
            "retrying in 0.5 s (attempt 1)", "retrying in 1 s (attempt 2)", "retrying in 2 s (attempt 3)",
        ].map {
            "ledger sink: PostgreSQL at 127.0.0.1:\(cluster.port)/postgres is unavailable (connection refused) while connecting; \($0)"
        }
        #expect(lines == expected, "one plain line per attempt: \(lines)")
        _ = try cluster.start()
        var rest: [String] = []
        while let line = child.readLine() { rest.append(line) }
        let result = child.wait(limit: 300)
        #expect(result.status == 0, "the sink started by itself: \(result) \(rest.suffix(3))")
        #expect(rest.last?.contains(": 2000 events in PostgreSQL (2000 written now") == true, "\(rest.suffix(3))")
        #expect(
            rest.dropLast().allSatisfy {
                $0.hasPrefix("ledger sink: PostgreSQL at 127.0.0.1:\(cluster.port)/postgres ")
            })
        try expectExactCopy(of: ledger, in: url)
    }

    /// `ledger sink postgres ARGS` with its standard error joined to standard output, so the
    /// test reads its retry lines as they come.
    static func sinkJoiningStandardError(_ arguments: [String]) throws -> ChildProcess {
        let command = [ProcessRunner.product("ledger"), "sink", "postgres"] + arguments
        return try ChildProcess(
            executable: "/bin/sh", ["-c", "exec " + command.map { "'\($0)'" }.joined(separator: " ") + " 2>&1"])
    }

    @Test func unreachableDatabaseIsNamedAndRetriedWithBackoff() throws {
        let dir = TemporaryDirectory("sink-down")
        let ledger = try SinkFixtures.ledger(events: 50, seed: 23, in: dir, name: "city")
        // Port 1 on loopback: nothing listens there.
        let result = try ChildProcess.run(
            "ledger",
            [
                "sink", "postgres", "--url", "postgresql://ledger@127.0.0.1:1/province", "--ledger", ledger.path,
                "--max-attempts", "3",
            ], limit: 120)
        #expect(result.status != 0)
        #expect(result.stderr.contains("PostgreSQL at 127.0.0.1:1/province is unavailable"), "\(result.stderr)")
        #expect(result.stderr.contains("retrying in 0.5 s (attempt 1)"), "\(result.stderr)")
        #expect(result.stderr.contains("retrying in 1 s (attempt 2)"), "\(result.stderr)")
    }
}

/// A PostgreSQL cluster in a temporary directory on a port of its own, through
/// `Tools/postgres/test-server.sh`, run with posix_spawn and waitpid, its output in a file:
/// the server it leaves running must not hold a pipe the test waits on.
final class PrivateCluster: Sendable {
    let directory = "/tmp/ledger-sink-cluster-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let port = Int.random(in: 20_000...60_000)
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tools/postgres/test-server.sh").path

    func start() throws -> PostgresURL {
        let (status, output) = Self.shell("'\(Self.script)' start '\(directory)' \(port)")
        guard status == 0 else { throw SinkError(.invalidSetup, "test-server.sh start: \(output)") }
        return try PostgresURL(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Sends a signal (`STOP`, `CONT`, `KILL`) to the cluster's postmaster and every backend;
    /// after `KILL`, waits (up to 30 s) until the postmaster is gone, so that a `start` right
    /// after does not take a dying one for a running one.
    func signal(_ name: String) {
        _ = Self.shell(
            "pid=$(head -1 '\(directory)/data/postmaster.pid'); kill -\(name) $pid $(pgrep -P $pid) 2>/dev/null; "
                + (name == "KILL" ? "for i in $(seq 300); do [ -e /proc/$pid ] || break; sleep 0.1; done; " : "")
                + "true")
    }

    func stop(mode: String = "fast") {
        _ = Self.shell("'\(Self.script)' stop '\(directory)' \(mode)")
        if mode == "fast" { try? FileManager.default.removeItem(atPath: directory) }
    }

    private static func shell(_ command: String) -> (Int32, String) {
        let out = "/tmp/ledger-sink-shell-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let argv = ["/bin/sh", "-c", "\(command) </dev/null >'\(out)' 2>&1"]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ) == 0 else { return (-1, "posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xFF, output)
    }
}
