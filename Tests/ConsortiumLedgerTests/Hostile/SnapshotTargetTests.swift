import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Snapshots are input; their targets are new directories of the ledger's own modes
/// (see docs/HOSTILE-INPUT.md).
@Suite("Snapshot files and targets")
struct SnapshotTargetTests {
    static func exported(in dir: TemporaryDirectory) throws -> (ledger: Ledger, snapshot: String) {
        let ledger = try HostileScenario.ledger(at: dir.file("ledger"))
        let snapshot = dir.file("snapshot")
        try ledger.export(to: snapshot)
        return (ledger, snapshot)
    }

    /// A snapshot file replaced by a symlink to a file outside it with the very same bytes (so
    /// size and SHA-256 match the manifest): the old restore followed it; now it is refused.
    @Test func restoreRefusesASymlinkInsideTheSnapshot() throws {
        let dir = TemporaryDirectory("hostile-symlink")
        let (_, snapshot) = try Self.exported(in: dir)
        let victim = snapshot + "/project.csv"
        let outside = dir.file("outside.csv")
        try FileManager.default.moveItem(atPath: victim, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: victim, withDestinationPath: outside)
        let error = #expect(throws: LedgerError.self) { try Ledger.restore(from: [snapshot], to: dir.file("restored")) }
        #expect(error?.message.contains("project.csv") == true, "\(String(describing: error))")
        #expect(error?.message.contains("symbolic link") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: dir.file("restored")))
    }

    @Test func restoreRefusesAFIFOInsteadOfAFile() throws {
        let dir = TemporaryDirectory("hostile-fifo")
        let (_, snapshot) = try Self.exported(in: dir)
        let victim = snapshot + "/checkpoint.note"
        try FileManager.default.removeItem(atPath: victim)
        #expect(mkfifo(victim, 0o600) == 0)
        let error = #expect(throws: LedgerError.self) { try Ledger.restore(from: [snapshot], to: dir.file("restored")) }
        #expect(error?.message.contains("not a regular file") == true, "\(String(describing: error))")
    }

    /// Even an empty existing directory is refused (someone else may own it), for both.
    @Test func exportAndRestoreRefuseAnExistingEmptyDirectory() throws {
        let dir = TemporaryDirectory("hostile-existing")
        let (ledger, snapshot) = try Self.exported(in: dir)
        let empty = dir.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let export = #expect(throws: LedgerError.self) { try ledger.export(to: empty) }
        #expect(export?.code == .alreadyExists)
        let restore = #expect(throws: LedgerError.self) { try Ledger.restore(from: [snapshot], to: empty) }
        #expect(restore?.code == .alreadyExists)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test func exportAndRestoreRefuseATargetInsideALedgerOrTheSnapshot() throws {
        let dir = TemporaryDirectory("hostile-inside")
        let (ledger, snapshot) = try Self.exported(in: dir)
        for target in [ledger.path + "/nightly", ledger.path + "/../ledger/sub/nightly"] {
            let error = #expect(throws: LedgerError.self) { try ledger.export(to: target) }
            #expect(error?.message.contains("inside") == true, "\(String(describing: error))")
        }
        for target in [ledger.path + "/restored", snapshot + "/restored"] {
            let error = #expect(throws: LedgerError.self) { try Ledger.restore(from: [snapshot], to: target) }
            #expect(error?.message.contains("inside") == true, "\(String(describing: error))")
        }
        #expect(!FileManager.default.fileExists(atPath: ledger.path + "/nightly"))
        #expect(!FileManager.default.fileExists(atPath: ledger.path + "/sub"))
    }

    /// Under umask 000 the restored ledger and its `restored-from/` are still 0700 / 0600.
    @Test func restoredModesIgnoreTheUmask() throws {
        let dir = TemporaryDirectory("hostile-umask")
        let (_, snapshot) = try Self.exported(in: dir)
        let target = dir.file("restored")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #"umask 000; exec "$1" restore "$2" --to "$3""#, "sh", ProcessRunner.product("ledger"), snapshot,
            target,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        func mode(_ path: String) -> mode_t {
            var info = stat()
            return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0o7777
        }
        #expect(mode(target) == 0o700)
        #expect(mode(target + "/restored-from") == 0o700)
        for name in [
            "data.mdb", "lock.mdb", "restored-from/manifest.json", "restored-from/checkpoint.note",
            "restored-from/checkpoint.pub",
        ] {
            #expect(mode(target + "/" + name) == 0o600, "\(name): \(String(mode(target + "/" + name), radix: 8))")
        }
    }
}
