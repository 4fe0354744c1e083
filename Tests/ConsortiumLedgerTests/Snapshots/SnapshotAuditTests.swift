import ConsortiumLedger
import Foundation
import LMDB
import LedgerTesting
import Testing

/// `ledger audit` checks every stored snapshot against a replay from genesis.
@Suite("The audit verifies read-model snapshots")
struct SnapshotAuditTests {
    /// A ledger with snapshots, closed again (so its files can be changed directly).
    private func ledgerWithSnapshots(_ dir: TemporaryDirectory, seed: UInt64) throws -> (path: String, snapshots: Int) {
        let lines = try GeneratedHistory.lines(events: 700, seed: Int(seed), in: dir)
        let path = dir.file("ledger")
        let history = try SnapshotHistory(path: path, lines: lines, interval: 150, seed: seed)
        let report = try history.ledger.audit()
        #expect(report.passed, "\(report.text)")
        #expect(report.snapshotsVerified == (try history.ledger.snapshotStatus().count))
        #expect(report.snapshotsVerified > 3)
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
