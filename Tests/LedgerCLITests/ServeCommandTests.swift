import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("ledger serve")
struct ServeCommandTests {
    private static func training(_ id: String, recipient: String? = nil) -> String {
        let to = recipient.map { #","recipientId":"\#($0)""# } ?? ""
        return
            #"{"id":"\#(id)","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"gov-1","data":{"providerId":"gov-1","personTimes":2,"topic":"safety"\#(to)}}"#
    }

    private static func chartered() throws -> CLIFixture {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        return cli
    }

    /// Starts `ledger serve` and waits until it listens.
    private static func startServer(_ cli: CLIFixture) throws -> ChildProcess {
        let server = try ChildProcess(product: "ledger", ["serve", "--ledger", cli.ledgerPath])
        let ready = server.readLine()
        #expect(ready?.hasPrefix("serving") == true, "server did not start: \(server.wait(limit: 5))")
        return server
    }

    /// SIGTERM, then the server's "stopped: N appends in M commits" as (N, M).
    private static func stop(_ server: ChildProcess) -> (appends: Int, commits: Int)? {
        server.kill(SIGTERM)
        // A bound, not a timing claim: the whole suite shares two cores with servers and builds.
        let result = server.wait(limit: 120)
        #expect(result.status == 0, "\(result)")
        let numbers = result.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    private static func appenders(_ cli: CLIFixture, count: Int, lines: Int, inFlight: Int) throws -> [ChildProcess] {
        try (0..<count).map { writer in
            let input = (0..<lines).map { training("w\(writer)-\($0)") }.joined(separator: "\n")
            return try ChildProcess(
                product: "ledger", ["append", "--lines", "--in-flight", String(inFlight), "--ledger", cli.ledgerPath],
                stdin: Data(input.utf8))
        }
    }

    private static func loggedIds(_ cli: CLIFixture) throws -> (sequences: [Int], ids: [String]) {
        let log = try cli.ledger(["log", "--format", "jsonl", "--limit", "100000"]).stdout
        func field(_ name: String, _ line: Substring) -> Substring? {
            guard let r = line.range(of: "\"\(name)\":") else { return nil }
            return line[r.upperBound...].prefix { $0 != "," && $0 != "}" }
        }
        let lines = log.split(separator: "\n")
        return (
            lines.compactMap { field("sequence", $0).flatMap { Int($0) } },
            lines.compactMap { field("id", $0).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } }
        )
    }

    @Test func severalAppendProcessesThroughTheServerShareCommits() throws {
        let cli = try Self.chartered()
        let server = try Self.startServer(cli)
        let clients = try Self.appenders(cli, count: 3, lines: 40, inFlight: 16)
        let single = try cli.ledger(["append", SampleLines.admitSchool(1)])
        #expect(single.status == 0, "\(single.stderr)")
        for client in clients {
            let result = client.wait(limit: 120)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdout.split(separator: "\n").filter { $0.contains(": appended TrainingDelivered") }.count == 40)
        }
        let stats = Self.stop(server)
        #expect(stats?.appends == 121, "every append went through the server")
        #expect((stats?.commits ?? .max) < 121, "one commit covered several appends: \(String(describing: stats))")
        #expect(!FileManager.default.fileExists(atPath: cli.ledgerPath + "/serve.sock"))
        let (sequences, ids) = try Self.loggedIds(cli)
        #expect(sequences == Array(1...123))
        #expect(Set(ids).count == 123)
        for writer in 0..<3 {
            for i in 0..<40 { #expect(ids.contains("w\(writer)-\(i)")) }
        }
        #expect(try cli.ledger(["verify"]).status == 0)
    }

    @Test func errorsThroughTheServerAreTheDirectPathsErrors() throws {
        let cli = try Self.chartered()
        let conflict = SampleLines.admitSchool(2, expectedVersion: 5)
        let ruleBreak = Self.training("r1", recipient: "ghost")
        let server = try Self.startServer(cli)
        let served = [try cli.ledger(["append", conflict]), try cli.ledger(["append", ruleBreak])]
        let stats = Self.stop(server)
        #expect(stats?.appends == 2)
        let direct = [try cli.ledger(["append", conflict]), try cli.ledger(["append", ruleBreak])]
        for (viaServer, viaDirect) in zip(served, direct) {
            #expect(viaServer.status != 0)
            #expect(viaServer.stderr == viaDirect.stderr)
        }
        #expect(served[0].stderr.contains("member-s2: expected version 5, actual 0"))
        #expect(served[1].stderr.contains("data.recipientId"))
        #expect(try cli.eventCount() == 2)
    }

    @Test func killedServerLosesNoAcknowledgedAppendAndItsStaleSocketIsHarmless() throws {
        let cli = try Self.chartered()
        let server = try Self.startServer(cli)
        let clients = try Self.appenders(cli, count: 3, lines: 60, inFlight: 4)
        let firstAck = clients[0].readLine()
        server.kill(SIGKILL)
        #expect(server.wait(limit: 10).outcome == .signalled(SIGKILL))
        var acknowledged: [String] = firstAck.map { [$0] } ?? []
        for client in clients {
            let result = client.wait(limit: 120)
            #expect(result.status == 0, "\(result)")
            acknowledged += result.stdout.split(separator: "\n").map(String.init)
        }
        // Every line was acknowledged (through the server, or re-sent directly after the kill).
        #expect(acknowledged.count == 180)
        #expect(acknowledged.allSatisfy { $0.contains("appended") || $0.contains("already recorded") })
        #expect(FileManager.default.fileExists(atPath: cli.ledgerPath + "/serve.sock"), "SIGKILL leaves the socket")
        let direct = try cli.ledger(["append", SampleLines.admitSchool(1)])
        #expect(direct.status == 0, "a stale socket falls back to the direct path: \(direct.stderr)")
        let (sequences, ids) = try Self.loggedIds(cli)
        #expect(sequences == Array(1...183))
        #expect(Set(ids).count == 183)
        #expect(try cli.ledger(["verify"]).status == 0)
        let restarted = try Self.startServer(cli)
        #expect(Self.stop(restarted)?.appends == 0)
    }
    /// SIGTERM the moment the server says it is ready (the restart above does exactly this): it
    /// used to be swallowed (a server that never stopped) or to kill it before its handler was in
    /// place. Several rounds, since it was a race; with and without the HTTP service.
    @Test(arguments: [[], ["--http", "127.0.0.1:0"]])
    func aServerStoppedAsSoonAsItIsReadyStopsCleanly(extra: [String]) throws {
        let cli = try Self.chartered()
        for round in 0..<6 {
            let server = try ChildProcess(product: "ledger", ["serve", "--ledger", cli.ledgerPath] + extra)
            #expect(server.readLine()?.hasPrefix("serving") == true)
            if !extra.isEmpty { #expect(server.readLine()?.hasPrefix("listening on") == true) }
            server.kill(SIGTERM)
            let result = server.wait(limit: 120)
            #expect(result.status == 0, "round \(round): \(result)")
            #expect(result.stdout.contains("stopped: 0 appends"), "round \(round): \(result)")
        }
    }

    @Test func signedAppendsThroughTheServerVerifyInTheAudit() throws {
        let cli = try Self.chartered()
        let keygen = try ProcessRunner.run(
            "ledger", ["keygen", "--member", "gov-1", "--actor", "gov-1", "--out", cli.dir.file("gov.key")])
        let registration = try #require(keygen.stdout.split(separator: "\n").last.map(String.init))
        let dated = registration.replacingOccurrences(
            of: #""occurredAt":"[^"]*""#, with: #""occurredAt":"2025-01-05""#, options: .regularExpression)
        #expect(try cli.ledger(["append", dated]).status == 0)
        let server = try Self.startServer(cli)
        for i in 0..<3 {
            let result = try cli.ledger([
                "append", Self.training("signed-\(i)"), "--sign-with", cli.dir.file("gov.key"),
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(Self.stop(server)?.appends == 3)
        let audit = try AuditJSON(ledger: cli.ledgerPath)
        #expect(audit.status == 0 && audit.passed, "\(audit.text)")
        #expect(audit.signaturesVerified == 3, "\(audit.text)")
    }
}
