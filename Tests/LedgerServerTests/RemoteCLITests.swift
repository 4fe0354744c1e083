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
