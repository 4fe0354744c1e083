import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ledger export` and `ledger restore` run as the nightly job and an operator would.
@Suite("ledger export and restore")
struct ExportCLITests {
    /// The parsed manifest of a snapshot directory.
    private func manifest(_ directory: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func range(_ manifest: [String: Any]) throws -> (first: Int, last: Int) {
        let sequences = try #require(manifest["sequences"] as? [String: Any])
        return (try #require(sequences["first"] as? Int), try #require(sequences["last"] as? Int))
    }

    /// Every tier query's JSON on a ledger, for the given council years.
    private func answers(_ path: String, years: [Int]) throws -> [String] {
        var queries = years.map { ["query", "council", "--year", String($0)] }
        queries += [["query", "committee"], ["query", "project"]]
        return try queries.map { query in
            let result = try ProcessRunner.run("ledger", query + ["--format", "json", "--ledger", path])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            return result.stdout
        }
    }

    @Test func exportThenRestoreAuditsCleanAndAnswersTheSame() throws {
        let cli = try CLIFixture().initialised()
        let history = try GeneratedHistory.write(events: 2_000, seed: 21, in: cli.dir)
        #expect(try cli.ledger(["import", history, "--batch-size", "300"]).status == 0)
        // Signed events too: their signatures must survive the round trip (the audit checks them).
        let keygen = try ProcessRunner.run(
            "ledger", ["keygen", "--member", "gov-001", "--actor", "gov-001", "--out", cli.dir.file("gov.key")])
        let registration = try #require(keygen.stdout.split(separator: "\n").last.map(String.init))
        #expect(
            try cli.ledger([
                "append",
                registration.replacingOccurrences(
                    of: #""occurredAt":"[^"]*""#, with: #""occurredAt":"2026-01-01""#, options: .regularExpression),
            ]).status == 0)
        for i in 0..<3 {
            let line =
                #"{"id":"signed-\#(i)","type":"CouncilResolutionPassed","occurredAt":"2026-01-02","actor":"gov-001","data":{"resolutionId":"R-S-\#(i)","title":"Signed \#(i)"}}"#
            #expect(try cli.ledger(["append", line, "--sign-with", cli.dir.file("gov.key")]).status == 0)
        }

        let snapshot = cli.dir.file("backups/2026-11-24")
        let export = try cli.ledger(["export", "--to", snapshot])
        #expect(export.status == 0, "\(export.stderr)")
        let restored = cli.dir.file("restored.ledger")
        let restore = try ProcessRunner.run("ledger", ["restore", snapshot, "--to", restored])
        #expect(restore.status == 0, "\(restore.stdout)\(restore.stderr)")
        let audit = try AuditJSON(ledger: restored)
        #expect(audit.status == 0 && audit.passed, "\(audit.text)")
        #expect(audit.signaturesVerified == 3, "\(audit.text)")

        let years = try #require(try manifest(snapshot)["readModels"] as? [String: Any])["councilYears"] as? [Int]
        #expect(years?.isEmpty == false)
        #expect(try answers(restored, years: years ?? []) == answers(cli.ledgerPath, years: years ?? []))
        let original = try cli.ledger(["log", "--format", "jsonl", "--limit", "100000"]).stdout
        let copy = try ProcessRunner.run(
            "ledger", ["log", "--format", "jsonl", "--limit", "100000", "--ledger", restored]
        ).stdout
        #expect(copy == original)
        #expect(try String(contentsOfFile: snapshot + "/events.jsonl", encoding: .utf8) == original)
    }

    @Test func exportWhileAnotherProcessImportsIsOneConsistentPoint() throws {
        let cli = try CLIFixture().initialised()
        let lines = try GeneratedHistory.lines(events: 4_000, seed: 22, in: cli.dir)
        let first = cli.dir.file("first.jsonl")
        let second = cli.dir.file("second.jsonl")
        try lines[..<1_500].joined(separator: "\n").write(toFile: first, atomically: true, encoding: .utf8)
        try lines[1_500...].joined(separator: "\n").write(toFile: second, atomically: true, encoding: .utf8)
        #expect(try cli.ledger(["import", first]).status == 0)

        // Small synced batches keep the importer appending for the whole export.
        let (importer, _, importErrors) = try ProcessRunner.start(
            "ledger", ["import", second, "--batch-size", "10", "--ledger", cli.ledgerPath])
        Thread.sleep(forTimeInterval: 0.3)
        let overlapped = importer.isRunning
        let snapshot = cli.dir.file("snapshot")
        let export = try cli.ledger(["export", "--to", snapshot])
        importer.waitUntilExit()
        #expect(
            importer.terminationStatus == 0,
            "\(String(decoding: importErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        #expect(export.status == 0, "\(export.stderr)")

        let (low, high) = try range(try manifest(snapshot))
        #expect(low == 1)
        let exported = try String(contentsOfFile: snapshot + "/events.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(exported.count == high)
        let sequences = exported.compactMap { line -> Int? in
            guard let r = line.range(of: #""sequence":"#) else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(sequences == Array(1...high))
        if overlapped { #expect(high >= 1_500 && high <= 4_000) }
        let restored = cli.dir.file("restored.ledger")
        let restore = try ProcessRunner.run("ledger", ["restore", snapshot, "--to", restored])
        #expect(restore.status == 0, "\(restore.stdout)\(restore.stderr)")
        #expect(try ProcessRunner.run("ledger", ["verify", "--ledger", restored]).status == 0)
    }

    @Test(arguments: [
        ("altered", "committee.csv"), ("missing", "checkpoint.note"), ("truncated", "events.jsonl"),
    ])
    func aDamagedSnapshotIsRefusedNamingTheFile(damage: String, file: String) throws {
        let cli = try CLIFixture().initialised()
        let history = try GeneratedHistory.write(events: 500, seed: 23, in: cli.dir)
        #expect(try cli.ledger(["import", history]).status == 0)
        let snapshot = cli.dir.file("snapshot")
        #expect(try cli.ledger(["export", "--to", snapshot]).status == 0)
        let path = snapshot + "/" + file
        switch damage {
        case "altered":
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count - 3] ^= 0x04
            try bytes.write(to: URL(fileURLWithPath: path))
        case "missing":
            try FileManager.default.removeItem(atPath: path)
        default:
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.truncate(atOffset: UInt64(size / 2))
            try handle.close()
        }
        let restored = cli.dir.file("restored.ledger")
        let result = try ProcessRunner.run("ledger", ["restore", snapshot, "--to", restored])
        #expect(result.status != 0)
        #expect(result.stderr.contains(file), "\(result.stderr)")
        #expect(result.stderr.contains(damage == "missing" ? "missing" : damage == "altered" ? "altered" : "truncated"))
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path)
        #expect(!left.contains { $0.hasPrefix("restored.ledger") }, "\(left)")
    }

    @Test func aKilledExportLeavesNoCompleteLookingSnapshot() throws {
        let cli = try CLIFixture().initialised()
        let history = try GeneratedHistory.write(events: 6_000, seed: 24, in: cli.dir)
        #expect(try cli.ledger(["import", history]).status == 0)
        let snapshot = cli.dir.file("snapshot")
        let (export, _, _) = try ProcessRunner.start(
            "ledger", ["export", "--to", snapshot, "--ledger", cli.ledgerPath])
        let staging = "\(snapshot).export-incomplete-\(export.processIdentifier)"
        // Kill it as soon as it has begun writing: mid-way through events.jsonl.
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: staging + "/events.jsonl") && export.isRunning
            && Date() < deadline
        {
            usleep(200)
        }
        let wasRunning = export.isRunning
        kill(export.processIdentifier, SIGKILL)
        export.waitUntilExit()
        #expect(wasRunning, "the export finished before it could be killed; use a bigger history")
        #expect(export.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        #expect(!FileManager.default.fileExists(atPath: staging + "/manifest.json"))
        #expect(staging.contains("export-incomplete"))

        // The next run is unaffected by the leftover and produces a snapshot that restores.
        #expect(try cli.ledger(["export", "--to", snapshot]).status == 0)
        let restore = try ProcessRunner.run("ledger", ["restore", snapshot, "--to", cli.dir.file("restored.ledger")])
        #expect(restore.status == 0, "\(restore.stderr)")
    }
}
