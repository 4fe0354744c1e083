import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `ledger` binary with `--remote` against a `ledger serve --http` child process:
/// the same output and errors as the same command run locally.
@Suite("ledger --remote", .serialized)
struct RemoteCLITests {
    private static func remote(_ serve: ServeProcess, _ token: String, _ arguments: [String], stdin: String? = nil)
        throws
        -> ProcessResult
    {
        try ProcessRunner.run(
            "ledger", arguments + ["--remote", serve.base], environment: ["LEDGER_TOKEN": token],
            stdin: stdin.map { Data($0.utf8) })
    }

    @Test func appendQueryLogAndImportMatchTheLocalCommands() throws {
        let serve = try ServeProcess()
        let secretariat = try serve.token("gov-1", "secretariat")
        try serve.start()
        defer { _ = serve.kill(SIGTERM) }

        let appended = try Self.remote(serve, secretariat, ["append", Seed.training("r1")])
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(
            appended.stdout == "appended TrainingDelivered at sequence 9 on stream training-gov-1\n"
                || appended.stdout.hasPrefix("appended TrainingDelivered at sequence 9"))
        let again = try Self.remote(serve, secretariat, ["append", Seed.training("r1")])
        #expect(again.stdout.hasPrefix("already recorded at sequence 9"))

        let refused = try Self.remote(serve, secretariat, ["append", Seed.training("r2", actor: "nobody")])
        #expect(refused.status != 0)
        #expect(!refused.stderr.isEmpty)

        for query in [
            ["query", "committee", "--format", "json"], ["query", "council", "--year", "2025", "--format", "csv"],
            ["query", "project", "--format", "json"], ["log", "--format", "jsonl", "--from", "2", "--limit", "5"],
        ] {
            let remote = try Self.remote(serve, secretariat, query)
            let local = try serve.run(query)
            #expect(remote.status == 0, "\(query): \(remote.stderr)")
            #expect(remote.stdout == local.stdout, "\(query)")
        }

        let file = serve.dir.file("more.jsonl")
        try (10..<40).map { Seed.training("i\($0)") }.joined(separator: "\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let imported = try Self.remote(serve, secretariat, ["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 30 events (0 already recorded)"))
        let reimported = try Self.remote(serve, secretariat, ["import", file])
        #expect(reimported.stdout.hasPrefix("imported 0 events (30 already recorded)"))
    }

    /// CSV goes through `--remote` as through a local import: the same columns and cell typing,
    /// content ids for rows without one (re-running records nothing twice), and a bad cell
    /// refused before anything is sent, with the local import's message (file, row, field).
    @Test func importRemoteTakesTheSameCSVAsALocalImport() throws {
        let serve = try ServeProcess()
        let secretariat = try serve.token("gov-1", "secretariat")
        try serve.start()
        defer { _ = serve.kill(SIGTERM) }
        let header = "id,type,occurredAt,actor,data.providerId,data.personTimes,data.topic"
        let rows = (0..<12).map { "csv\($0),TrainingDelivered,2025-03-0\($0 % 9 + 1),gov-1,gov-1,\($0 + 1),safety" }
        // Two rows without an id: they get content ids, so the second run finds them recorded.
        let unnamed = [
            ",TrainingDelivered,2025-04-01,gov-1,gov-1,3,\"fire, drills\"",
            ",TrainingDelivered,2025-04-01,gov-1,gov-1,3,\"fire, drills\"",
        ]
        let good = serve.dir.file("training.csv")
        try ([header] + rows + unnamed).joined(separator: "\n").write(toFile: good, atomically: true, encoding: .utf8)

        let imported = try Self.remote(serve, secretariat, ["import", good])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 14 events (0 already recorded)"), "\(imported.stdout)")
        let again = try Self.remote(serve, secretariat, ["import", good])
        #expect(again.stdout.hasPrefix("imported 0 events (14 already recorded)"), "\(again.stdout)")
        let log = try Self.remote(serve, secretariat, ["log", "--format", "jsonl", "--from", "9", "--limit", "100"])
        #expect(log.stdout.split(separator: "\n").count == 14)
        #expect(log.stdout.contains(#""personTimes":12"#) && log.stdout.contains(#""topic":"fire, drills""#))

        let bad = serve.dir.file("bad.csv")
        try [
            header, "b1,TrainingDelivered,2025-03-01,gov-1,gov-1,2,safety",
            "b2,TrainingDelivered,2025-03-01,gov-1,gov-1,abc,safety",
        ]
        .joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let remote = try Self.remote(serve, secretariat, ["import", bad])
        let local = try serve.run(["import", bad])
        #expect(remote.status != 0 && local.status != 0)
        #expect(remote.stderr.contains("bad.csv:3 (row 3): data.personTimes"), "\(remote.stderr)")
        #expect(remote.stderr == local.stderr, "remote: \(remote.stderr) local: \(local.stderr)")
        let after = try Self.remote(serve, secretariat, ["log", "--format", "jsonl", "--from", "9", "--limit", "100"])
        #expect(after.stdout.split(separator: "\n").count == 14, "nothing of the bad file was sent")
    }

    /// `import --remote --report FILE` writes the bad records as a local import's `--report`
    /// does — the same JSON lines, the same messages on standard error — for records that do not
    /// parse (every one, found before anything is sent) and for a record the server's rules refuse
    /// (the one its problem answer names, by file and line); a clean import leaves an empty report.
    @Test func importRemoteReportsBadRecordsAsALocalImportDoes() throws {
        let serve = try ServeProcess()
        let secretariat = try serve.token("gov-1", "secretariat")
        try serve.start()
        defer { _ = serve.kill(SIGTERM) }
        let ruled = serve.dir.file("ruled.jsonl")
        try [Seed.training("k1"), Seed.training("k2"), Seed.training("k3", actor: "nobody"), Seed.training("k4")]
            .joined(separator: "\n").write(toFile: ruled, atomically: true, encoding: .utf8)
        let malformed = serve.dir.file("malformed.jsonl")
        try [
            Seed.training("p1"), #"{"id":"p2","type":"TrainingDelivered","occurredAt":"2025-03-01","actor":"gov-1"}"#,
            Seed.training("p3"), "{not json",
        ]
        .joined(separator: "\n").write(toFile: malformed, atomically: true, encoding: .utf8)
        let report = serve.dir.file("bad-records.jsonl")
        func reported() throws -> [String] {
            let text = try String(contentsOfFile: report, encoding: .utf8)
            try FileManager.default.removeItem(atPath: report)
            return text.split(separator: "\n").map(String.init)
        }

        for (file, count) in [(ruled, 1), (malformed, 2)] {
            let remote = try Self.remote(serve, secretariat, ["import", file, "--report", report])
            let remoteReport = try reported()
            let local = try serve.run(["import", file, "--report", report])
            let localReport = try reported()
            #expect(remote.status == 1 && local.status == 1, "\(remote.stderr) \(local.stderr)")
            #expect(remoteReport.count == count, "\(remoteReport)")
            #expect(remoteReport == localReport, "remote: \(remoteReport) local: \(localReport)")
            #expect(remote.stderr == local.stderr, "remote: \(remote.stderr) local: \(local.stderr)")
            #expect(remote.stderr.contains("all \(count) bad records are listed in \(report)"))
        }
        let refused = jsonObject(
            try {
                _ = try Self.remote(serve, secretariat, ["import", ruled, "--report", report])
                return try reported().first ?? ""
            }())
        #expect(refused["file"] as? String == ruled && refused["line"] as? Int == 3, "\(refused)")
        #expect(refused["kind"] as? String == "ruleViolation" && refused["field"] as? String != nil, "\(refused)")
        #expect(try Ledger(path: serve.ledgerPath).eventCount() == UInt64(Seed.consortium.count))

        let good = serve.dir.file("good.jsonl")
        try [Seed.training("g1"), Seed.training("g2")].joined(separator: "\n").write(
            toFile: good, atomically: true, encoding: .utf8)
        let imported = try Self.remote(serve, secretariat, ["import", good, "--report", report])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try reported().isEmpty)
    }

    @Test func aMemberTokenIsRefusedForOthersAndWithoutATokenNothingWorks() throws {
        let serve = try ServeProcess()
        let school = try serve.token("s1", "member")
        try serve.start()
        defer { _ = serve.kill(SIGTERM) }
        let forged = try Self.remote(serve, school, ["append", Seed.training("x1", actor: "gov-1")])
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("actor gov-1 is not this token's member s1"))
        let own = try Self.remote(serve, school, ["append", Seed.training("x2", actor: "s1")])
        #expect(own.status == 0, "\(own.stderr)")
        let noToken = try Self.remote(serve, "", ["query", "committee", "--format", "json"])
        #expect(noToken.status != 0)
        #expect(noToken.stderr.contains("token"))
    }

    @Test func signWithSignsOnTheClient() throws {
        let serve = try ServeProcess()
        let secretariat = try serve.token("gov-1", "secretariat")
        let keyFile = serve.dir.file("s1.key")
        let keygen = try ProcessRunner.run(
            "ledger", ["keygen", "--member", "s1", "--out", keyFile, "--actor", "gov-1"])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let registration = String(keygen.stdout.split(separator: "\n").last ?? "")
        try serve.start()
        defer { _ = serve.kill(SIGTERM) }
        #expect(try Self.remote(serve, secretariat, ["append", registration]).status == 0)
        let school = try serve.token("s1", "member")
        let signed = try Self.remote(
            serve, school, ["append", Seed.training("sg1", actor: "s1"), "--sign-with", keyFile])
        #expect(signed.status == 0, "\(signed.stderr)")
        let log = try serve.run(["log", "--format", "jsonl", "--from", "10", "--limit", "1"])
        #expect(log.stdout.contains("\"signerKeyId\""))
        #expect(log.stdout.contains("\"sg1\""))
    }
}
