import Domain
import EventStore
import Foundation
import LedgerTesting
import Testing

@testable import ConsortiumLedger

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Disk full, read-only and permissions")
struct DiskAndPermissionTests {
    /// The ledger lives on a 1 MiB tmpfs; an import of a 3,000-event history runs out of space.
    /// The error says so, what was committed verifies and ends on a chunk boundary; once the
    /// file system is grown, running the same import again completes it.
    @Test(.enabled(if: canMount, "needs root and mount(8)"))
    func diskFullFailsCleanlyAndTheImportResumesOnceSpaceReturns() throws {
        let dir = TemporaryDirectory("reliability-diskfull")
        let history = try GeneratedHistory.write(events: 3_000, seed: 11, in: dir)
        let mountPoint = dir.file("mnt")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        try Mounts.tmpfs(at: mountPoint, size: "1m")
        defer { try? Mounts.unmount(mountPoint) }
        let cli = LedgerCLI(path: mountPoint + "/ledger")
        #expect(try cli.run(["init"]).status == 0)

        let full = try cli.run(["import", history, "--batch-size", "100"])
        #expect(full.status == 1, "\(full)")
        #expect(full.stderr.contains("mdb_txn_commit(\(cli.path))"), "\(full)")
        #expect(
            full.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1,
            "one line: \(full)")
        #expect(full.stderr.contains("No space left on device") || full.stderr.contains("disk is full"), "\(full)")
        #expect(try cli.verifies())
        let partial = try cli.eventCount()
        #expect(partial % 100 == 0 && partial < 3_000, "\(partial) events after disk full")

        try Mounts.resize(mountPoint, size: "64m")
        let resumed = try cli.run(["import", history, "--batch-size", "100"])
        #expect(resumed.status == 0, "\(resumed)")
        #expect(resumed.stdout.contains("(\(partial) already recorded)"), "\(resumed.stdout)")
        #expect(try cli.eventCount() == 3_000)
        #expect(try cli.verifies())
    }

    /// Without a mount: the `ledger` process runs with RLIMIT_FSIZE (SIGXFSZ ignored) so the data
    /// file cannot grow past 600 KB — writes fail with EFBIG as on a full disk. Same promises.
    @Test func fileSizeLimitFailsCleanlyAndTheImportResumesWithoutIt() throws {
        let dir = TemporaryDirectory("reliability-fsize")
        let history = try GeneratedHistory.write(events: 3_000, seed: 12, in: dir)
        let cli = LedgerCLI(path: dir.file("ledger"))
        #expect(try cli.run(["init"]).status == 0)
        let limited = try ChildProcess.run(
            "ledger-torture",
            [
                "exec", "--fsize", String(600_000), "--", ProcessRunner.product("ledger"),
                "import", history, "--batch-size", "100", "--ledger", cli.path,
            ])
        #expect(limited.status == 1, "\(limited)")
        #expect(limited.stderr.contains("mdb_txn_commit(\(cli.path))"), "\(limited)")
        #expect(limited.stderr.contains("File too large") || limited.stderr.contains("size limit"), "\(limited)")
        #expect(try cli.verifies())
        let partial = try cli.eventCount()
        #expect(partial % 100 == 0 && partial < 3_000, "\(partial) events after the size limit")
        let resumed = try cli.run(["import", history, "--batch-size", "100"])
        #expect(resumed.status == 0, "\(resumed)")
        #expect(try cli.eventCount() == 3_000)
        #expect(try cli.verifies())
    }

    /// The ledger directory is mounted read-only: an append fails with a clear error naming the
    /// cause and the directory, nothing changes, every read command works there (LMDB opens it
    /// read-only without its lock file), and once it is writable again the next append works.
    @Test(.enabled(if: canMount, "needs root and mount(8)"))
    func readOnlyLedgerGivesAClearErrorAndNothingChanges() throws {
        let dir = TemporaryDirectory("reliability-readonly")
        let cli = LedgerCLI(path: dir.file("ledger"))
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["append", Events.charter]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.path + "/data.mdb"))
        try Mounts.readOnlyBind(cli.path)
        var mounted = true
        defer { if mounted { try? Mounts.unmount(cli.path) } }

        let refused = try cli.run(["append", Events.admitLead])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("Read-only file system"), "\(refused)")
        #expect(refused.stderr.contains(cli.path), "names the directory: \(refused)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "one line: \(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path + "/data.mdb")) == before)
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("chain intact: 1 records"), "\(verified)")
        for read in [
            ["log", "--format", "jsonl"], ["query", "council", "--year", "2025", "--format", "json"], ["audit"],
            ["prove", "inclusion", "1"],
        ] {
            let result = try cli.run(read)
            #expect(result.status == 0 && !result.stdout.isEmpty, "\(read): \(result)")
        }
        let exported = try cli.run(["export", "--to", dir.file("export")])
        #expect(exported.status == 0, "\(exported)")
        #expect(FileManager.default.fileExists(atPath: dir.file("export") + "/manifest.json"))

        try Mounts.unmount(cli.path)
        mounted = false
        #expect(try cli.run(["append", Events.admitLead]).status == 0)
        #expect(try cli.eventCount() == 2)
        #expect(try cli.verifies())
    }

    /// On read-only media the read models cannot be brought to the head: a query then answers
    /// from a replay of the log, the same answer a writable ledger gives after its catch-up.
    @Test(.enabled(if: canMount, "needs root and mount(8)"))
    func aLaggingReadModelOnReadOnlyMediaIsAnsweredFromAReplay() throws {
        let dir = TemporaryDirectory("reliability-readonly-lag")
        let cli = LedgerCLI(path: dir.file("ledger"))
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["append", Events.charter]).status == 0)
        // Recorded behind the read models' back (no hooks), so every model lags by one event.
        try EventStore(path: cli.path).append([try ImportLine.parse(json: Events.admitLead).newEvent(id: "e2")])
        try Mounts.readOnlyBind(cli.path)
        var mounted = true
        defer { if mounted { try? Mounts.unmount(cli.path) } }
        let query = ["query", "council", "--year", "2025", "--format", "json"]
        let fromReplay = try cli.run(query)
        #expect(fromReplay.status == 0, "\(fromReplay)")
        try Mounts.unmount(cli.path)
        mounted = false
        let caughtUp = try cli.run(query)
        #expect(caughtUp.status == 0, "\(caughtUp)")
        #expect(fromReplay.stdout == caughtUp.stdout)
        #expect(caughtUp.stdout.contains(#""members""#))
    }

    /// `ledger init` under a permissive umask (000) still makes the directory 0700 and the LMDB
    /// files and the checkpoint signing key 0600: nothing in it is group- or world-readable.
    @Test func ledgerDirectoryAndKeyFilesAreNotWorldReadable() throws {
        let dir = TemporaryDirectory("reliability-perms")
        let path = dir.file("ledger")
        let result = try ChildProcess.run(
            "ledger-torture",
            [
                "exec", "--umask", "000", "--", ProcessRunner.product("ledger"), "init", "--ledger", path,
            ])
        #expect(result.status == 0, "\(result)")
        let directoryMode = try mode(of: path)
        #expect(directoryMode & 0o077 == 0, "directory mode \(String(directoryMode, radix: 8))")
        for name in ["data.mdb", "lock.mdb", "checkpoint.key"] {
            let m = try mode(of: path + "/" + name)
            #expect(m & 0o077 == 0, "\(name) mode \(String(m, radix: 8))")
        }
    }

    /// `ledger init` into a directory that already exists with mode 0755 (made by an installer or
    /// `mkdir`) must not leave the ledger listable and readable by everyone.
    @Test func initIntoAnExistingOpenDirectoryTightensIt() throws {
        let dir = TemporaryDirectory("reliability-perms-existing")
        let path = dir.file("ledger")
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let result = try ChildProcess.run("ledger", ["init", "--ledger", path])
        #expect(result.status == 0, "\(result)")
        let directoryMode = try mode(of: path)
        #expect(directoryMode & 0o077 == 0, "directory mode \(String(directoryMode, radix: 8))")
        for name in ["data.mdb", "lock.mdb", "checkpoint.key"] {
            let m = try mode(of: path + "/" + name)
            #expect(m & 0o077 == 0, "\(name) mode \(String(m, radix: 8))")
        }
    }

    private func mode(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o777
    }
}
