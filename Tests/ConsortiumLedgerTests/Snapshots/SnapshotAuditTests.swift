import Foundation
import LMDB
import LedgerTesting
import Testing

@testable import ConsortiumLedger

/// `ledger audit` checks every stored snapshot against a replay from genesis.
@Suite("The audit verifies read-model snapshots")
struct SnapshotAuditTests {
    /// A ledger with snapshots, closed again (so its files can be changed directly).
    /// Under two audit chunks (8,192 events) the audit runs on one thread and folds the snapshots
    /// in a second replay; above, its parallel pass takes their deltas as it goes.
    private func ledgerWithSnapshots(
        _ dir: TemporaryDirectory, seed: UInt64, events: Int = 700, interval: UInt64 = 150
    ) throws -> (path: String, snapshots: Int) {
        let lines = try GeneratedHistory.lines(events: events, seed: Int(seed), in: dir)
        let path = dir.file("ledger")
        let history = try SnapshotHistory(path: path, lines: lines, interval: interval, seed: seed)
        let report = try history.ledger.audit()
        #expect(report.passed, "\(report.text)")
        #expect(report.snapshotsVerified == (try history.ledger.snapshotStatus().count))
        #expect(report.snapshotsVerified > 3)
        #expect(report.snapshotsReplayedSeparately == (events < 8_192))
        return (path, report.snapshotsVerified)
    }

    /// Changes the stored value of one version (`pick` chooses among all of them).
    private func doctorVersion(_ path: String, pick: (Int) -> Int) throws {
        let env = try Environment(path: path)
        let versions = try env.openDatabase("snapshot.versions", create: false)
        try env.write { txn in
            var all: [([UInt8], [UInt8])] = []
            try txn.withCursor(versions) { cursor in
                var entry = try cursor.first()
                while let e = entry {
                    if !e.value.isEmpty { all.append((Array(e.key), Array(e.value))) }
                    entry = try cursor.next()
                }
            }
            var (key, value) = all[pick(all.count)]
            value[value.count - 1] ^= 0x01
            try txn.put(versions, key, value)
        }
    }

    /// Deletes the first late-event entry of the business-time index (the environment is closed
    /// when this returns, before the ledger is opened again).
    private func removeFirstLateEntry(_ path: String) throws -> Bool {
        let env = try Environment(path: path)
        let time = try env.openDatabase("snapshot.time", create: false)
        return try env.write { txn -> Bool in
            let key = try txn.withCursor(time) { cursor -> [UInt8]? in
                guard let entry = try cursor.seek(atLeast: [UInt8(ascii: "l")]), entry.key.first == UInt8(ascii: "l")
                else { return nil }
                return Array(entry.key)
            }
            guard let key else { return false }
            return try txn.delete(time, key)
        }
    }

    @Test func aDoctoredSnapshotValueFailsTheAudit() throws {
        let dir = TemporaryDirectory()
        let (path, _) = try ledgerWithSnapshots(dir, seed: 41)
        try doctorVersion(path) { $0 / 2 }
        let report = try Ledger(path: path).audit()
        #expect(!report.passed)
        #expect(report.failure?.check.hasPrefix("snapshot") == true, "\(report.text)")
    }

    @Test func aRemovedLateEventEntryFailsTheAudit() throws {
        let dir = TemporaryDirectory()
        let (path, _) = try ledgerWithSnapshots(dir, seed: 42)
        #expect(try removeFirstLateEntry(path))
        let report = try Ledger(path: path).audit()
        #expect(report.failure?.check == "business-time index", "\(report.text)")
    }

    /// The parallel pass (a ledger over two audit chunks) verifies the snapshots from its own
    /// folds: it passes on an intact ledger and names a removed late-event entry, then a
    /// doctored snapshot value, as the second replay does.
    @Test func theParallelPassVerifiesSnapshotsWithoutASecondReplay() throws {
        let dir = TemporaryDirectory()
        let (path, count) = try ledgerWithSnapshots(dir, seed: 44, events: 8_600, interval: 1_000)
        #expect(count >= 8)
        #expect(try removeFirstLateEntry(path))
        let index = try Ledger(path: path).audit()
        #expect(index.failure?.check == "business-time index", "\(index.text)")
        #expect(index.snapshotsVerified == count)
        #expect(!index.snapshotsReplayedSeparately)
        try doctorVersion(path) { $0 * 2 / 3 }
        let doctored = try Ledger(path: path).audit(options: AuditOptions(checkSignatures: false))
        #expect(doctored.failure?.check.hasPrefix("snapshot") == true, "\(doctored.text)")
        #expect(doctored.snapshotsVerified < count)
    }

    /// The audit hashes the stored snapshot versions in a read transaction of its own while it
    /// compares the read models: those digests count only when that transaction sees the same
    /// snapshot as the audit's; after a commit in between there are none (computed again inline).
    @Test func storedDigestsFromASecondTransactionNeedTheSameSnapshot() throws {
        let dir = TemporaryDirectory()
        let (path, count) = try ledgerWithSnapshots(dir, seed: 45)
        let ledger = try Ledger(path: path)
        let databases = try #require(ledger.snapshots)
        let (snapshotId, inline) = try ledger.store.read { reader in
            (reader.transaction.id, try ledger.storedDeltaDigests(reader.transaction, databases))
        }
        #expect(inline.count >= count)
        #expect(try ledger.storedDeltaDigests(seenBy: snapshotId) == inline)
        try ledger.store.environment.write { txn in
            try txn.put(ledger.facade.meta, Array("test.touched".utf8), [1])
        }
        #expect(try ledger.storedDeltaDigests(seenBy: snapshotId) == nil)
        #expect(try ledger.audit().passed)
    }

    /// The answer the checkpointer builds on a doctored snapshot would be wrong; rebuilding the
    /// snapshots from zero repairs them and the audit passes again.
    @Test func rebuildingRepairsADoctoredSnapshot() throws {
        let dir = TemporaryDirectory()
        let (path, count) = try ledgerWithSnapshots(dir, seed: 43)
        try doctorVersion(path) { $0 - 1 }
        let ledger = try Ledger(path: path)
        #expect(!(try ledger.audit().passed))
        try ledger.rebuildSnapshots()
        let report = try ledger.audit()
        #expect(report.passed, "\(report.text)")
        #expect(report.snapshotsVerified == count)
    }
}
