import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Testing

@testable import PostgresSink

/// `ledger sink postgres --from URL` against a real `ledger serve --http` on 127.0.0.1: the
/// sink reads catch-up pages and the live feed with an auditor's token, follows appends that
/// arrive through the server, and a SIGKILL mid-feed resumes from the stored position.
@Suite("The sink following a ledger server", .enabled(if: PostgresTest.available, PostgresTest.skipReason))
struct FeedSinkTests {
    @Test func followsALiveServerAndResumesAfterASIGKILLWithNoRowMissingOrDoubled() throws {
        let dir = TemporaryDirectory("sink-feed")
        let lines = try GeneratedHistory.lines(events: 3_000, seed: 31, in: dir)
        let path = dir.file("city")
        try Self.ledger(["init", "--ledger", path])
        try Self.ledger(["import", "-", "--ledger", path], stdin: lines[0..<800])
        let ledgerId = try SinkFixtures.ledgerId(try Ledger(path: path))
        let auditor = try Self.ledger([
            "token", "issue", "--member", "auditor-1", "--role", "auditor", "--ledger", path,
        ])
        let secretariat = try Self.ledger([
            "token", "issue", "--member", "gov-001", "--role", "secretariat", "--ledger", path,
        ])
        let server = try ServerProcess(ledger: path)
        defer { server.stop() }
        let url = try PostgresTest.freshDatabase("feed")
        defer { PostgresTest.drop(url) }
        let arguments = [
            "sink", "postgres", "--url", url.text, "--from", server.url, "--ledger-id", ledgerId, "--follow",
        ]
        let environment = ["LEDGER_TOKEN": auditor]
        // Appended through the server's HTTP API, as a secretariat's client would.
        let append = { (range: Range<Int>) in
            try Self.ledger(
                ["import", "-", "--remote", server.url], stdin: lines[range], environment: ["LEDGER_TOKEN": secretariat]
            )
        }

        // Small batches first, so that the kill lands mid-feed.
        var sink = try ChildProcess(product: "ledger", arguments + ["--batch-size", "50"], environment: environment)
        #expect(Self.waitForPosition(800, url, while: sink), "the sink caught up with the server: \(Self.end(sink))")
        try append(800..<2_000)
        #expect(Self.waitForPosition(801, url, while: sink), "the sink followed the feed: \(Self.end(sink))")
        sink.kill(SIGKILL)
        let killed = sink.wait(limit: 60)
        #expect(killed.outcome == .signalled(SIGKILL), "the sink was following when killed: \(killed)")
        let killedAt = Self.position(url)
        #expect(killedAt > 800 && killedAt < 2_000, "killed mid-feed (at \(killedAt))")
        try append(2_000..<2_400)

        // Restarted with the default batch (20,000): more than one page of /v1/events per batch.
        sink = try ChildProcess(product: "ledger", arguments, environment: environment)
        try append(2_400..<3_000)
        #expect(Self.waitForPosition(3_000, url, while: sink), "the restarted sink caught up: \(Self.end(sink))")
        // SIGKILL: a child of the test runner may inherit a signal mask that blocks SIGTERM.
        sink.kill(SIGKILL)
        let stopped = sink.wait(limit: 60)
        #expect(stopped.outcome == .signalled(SIGKILL), "the sink was still following when stopped: \(stopped)")

        // Every event once, with the ledger's own chain hashes.
        let expected = try SinkFixtures.hashes(try Ledger(path: path))
        #expect(expected.count == 3_000)
        let stored = try PostgresTest.hashes(ledgerId: ledgerId, url)
        #expect(stored.count == expected.count, "no row missing or doubled")
        #expect(stored == expected, "every row is the ledger's own record")
        let distinct = try PostgresTest.integer(
            "SELECT count(DISTINCT sequence) FROM consortium_events WHERE ledger_id = '\(ledgerId)'", url)
        #expect(distinct == 3_000)

        // The province's view answers as `ledger query council` does, figure by figure.
        let rows = try PostgresTest.objects("SELECT to_jsonb(p)::text FROM province_council p ORDER BY year", url)
        #expect(!rows.isEmpty)
        for row in rows {
            guard let year = row["year"]?.intValue else { continue }
            let answer = try Self.ledger([
                "query", "council", "--year", String(year), "--format", "json", "--ledger", path,
            ])
            guard case .object(let council) = try JSONValue.parse(answer) else {
                Issue.record("query council --year \(year) is not a JSON object: \(answer)")
                continue
            }
            let figures = Self.figures(council)
            #expect(figures.count >= TierTable.councilFigureColumns.count, "year \(year): \(figures.count) figures")
            for (column, value) in figures {
                #expect(row[column]?.intValue == value, "year \(year), \(column)")
            }
            #expect(row["consortia"]?.intValue == 1)
        }
        let pairs = try PostgresTest.integer(
            "SELECT count(*) FROM committee_pairs WHERE ledger_id = '\(ledgerId)'", url)
        let committee = try Self.ledger(["query", "committee", "--format", "json", "--ledger", path])
        guard case .array(let expectedPairs) = try JSONValue.parse(committee) else {
            Issue.record("query committee is not a JSON array")
            return
        }
        #expect(pairs == Int64(expectedPairs.count))
    }

    /// Every number of a council answer by its column name (`members.byKind.school` →
    /// `members_by_kind_school`), and the inactive members as a count.
    static func figures(_ council: JSONObject, prefix: String = "") -> [(String, Int64)] {
        var out: [(String, Int64)] = []
        for member in council.members {
            let (key, value) = (member.key, member.value)
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            switch value {
            case .object(let inner): out += figures(inner, prefix: path)
            case .array(let items) where path == "inactiveMembers": out.append(("inactive_members", Int64(items.count)))
            default:
                if path != "year", let number = value.intValue { out.append((columnName(path), number)) }
            }
        }
        return out
    }

    /// Runs `ledger` to completion; its standard output, or a failure naming its error.
    @discardableResult
    static func ledger(
        _ arguments: [String], stdin: ArraySlice<String>? = nil, environment: [String: String] = [:]
    ) throws -> String {
        let input = stdin.map { Data(($0.joined(separator: "\n") + "\n").utf8) }
        let result = try ChildProcess.run("ledger", arguments, stdin: input, environment: environment, limit: 300)
        guard result.status == 0 else { throw SinkError(.source, "ledger \(arguments.prefix(2)): \(result)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func position(_ url: PostgresURL) -> Int64 {
        (try? PostgresTest.integer("SELECT coalesce(max(last_sequence), 0) FROM sink_positions", url)) ?? 0
    }

    /// Waits (up to three minutes) until the stored position reaches `target`, while the sink runs.
    static func waitForPosition(_ target: Int64, _ url: PostgresURL, while sink: ChildProcess) -> Bool {
        let deadline = Date().addingTimeInterval(180)
        while sink.process.isRunning, Date() < deadline {
            if position(url) >= target { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return position(url) >= target
    }

    /// What a sink that stopped early said (for a failure message); nothing while it runs.
    static func end(_ sink: ChildProcess) -> String {
        sink.process.isRunning ? "still running" : "\(sink.wait(limit: 5))"
    }
}

/// `ledger serve --http 127.0.0.1:0` over a ledger directory; stopped with SIGKILL once the
/// test is done with it (LMDB needs no clean shutdown, and a child of the test runner may not
/// see SIGTERM).
final class ServerProcess: Sendable {
    let child: ChildProcess
    let url: String

    init(ledger path: String) throws {
        child = try ChildProcess(product: "ledger", ["serve", "--ledger", path, "--http", "127.0.0.1:0"])
        var found: String?
        while let line = child.readLine() {
            if let range = line.range(of: "listening on ") {
                found = String(line[range.upperBound...].prefix { $0 != " " })
                break
            }
        }
        guard let found else { throw SinkError(.source, "ledger serve did not start: \(child.wait(limit: 5))") }
        url = found.hasPrefix("http") ? found : "http://\(found)"
    }

    func stop() {
        child.kill(SIGKILL)
        child.wait(limit: 30)
    }
}
