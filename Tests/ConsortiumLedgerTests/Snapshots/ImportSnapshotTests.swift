import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Testing

/// An import stores the snapshots it crosses in its own transaction, cut from the shadow's fold
/// of the read models; they must be exactly the snapshots the checkpointer folds from the log.
@Suite("Snapshots written by an import equal the checkpointer's")
struct ImportSnapshotTests {
    private func importLines(_ lines: ArraySlice<String>, into ledger: Ledger, dir: TemporaryDirectory, name: String)
        throws -> ImportSummary
    {
        let file = dir.file(name)
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return try ledger.importFiles([ImportInput(path: file)])
    }

    @Test(arguments: [(UInt64(41), UInt64(97)), (UInt64(42), UInt64(1_000_000))])
    func importedSnapshotsEqualTheCheckpointers(seed: UInt64, interval: UInt64) throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 2_400, seed: Int(seed), in: dir)
        let ledger = try Ledger.create(path: dir.file("ledger"))
        try ledger.setSnapshotInterval(interval)

        // A first import into the empty ledger, then appends one by one (some backdated: late
        // events, and a tail after the last snapshot the next import must seed), then a second import.
        let first = try importLines(lines[..<900], into: ledger, dir: dir, name: "first.jsonl")
        #expect(first.appended == 900)
        #expect(first.snapshots > 0, "the first import cut no snapshot of its own")
        var backdated = 0
        for (offset, line) in lines[900..<960].enumerated() {
            var json = line
            if offset % 3 == 0, let date = SnapshotHistory.date(of: line) {
                let earlier = SnapshotHistory.redated(line, to: date.adding(days: -40))
                if (try? ledger.append([ImportLine.parse(json: earlier)])) != nil {
                    backdated += 1
                    continue
                }
                json = line
            }
            try ledger.append([ImportLine.parse(json: json)])
        }
        #expect(backdated > 3)
        let before = try ledger.snapshotStatus()
        #expect(before.unsnapshotted > 0, "no tail before the second import")
        let second = try importLines(lines[960...], into: ledger, dir: dir, name: "second.jsonl")
        #expect(second.appended == lines.count - 960)
        #expect(second.snapshots > 0, "the second import cut no snapshot of its own")

        let imported = try ledger.snapshotEntries()
        let importedStatus = try ledger.snapshotStatus()
        #expect(importedStatus.monthEnds > 2)
        #expect(importedStatus.lateEvents >= backdated)

        try ledger.rebuildSnapshots()
        let folded = try ledger.snapshotEntries()
        let foldedStatus = try ledger.snapshotStatus()
        #expect(imported.count == folded.count)
        for (mine, theirs) in zip(imported, folded) {
            #expect(mine == theirs, "snapshot at \(mine.position) differs from the checkpointer's")
        }
        #expect(importedStatus.versions == foldedStatus.versions)
        #expect(importedStatus.watermarkSteps == foldedStatus.watermarkSteps)
        #expect(importedStatus.lateEvents == foldedStatus.lateEvents)
        #expect(try ledger.audit().passed)
    }

    /// A resent import (its first records already recorded, which the log skips) cuts its
    /// snapshots at the sequences the new events really get.
    @Test func aPartlyResentImportCutsAtTheRecordedSequences() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 600, seed: 43, in: dir)
        let ledger = try Ledger.create(path: dir.file("ledger"))
        try ledger.setSnapshotInterval(50)
        _ = try importLines(lines[..<300], into: ledger, dir: dir, name: "a.jsonl")
        let resent = try importLines(lines[200...], into: ledger, dir: dir, name: "b.jsonl")
        #expect(resent.alreadyRecorded == 100)
        #expect(resent.appended == 300)
        #expect(resent.snapshots >= 6)
        let imported = try ledger.snapshotEntries()
        try ledger.rebuildSnapshots()
        #expect(try ledger.snapshotEntries() == imported)
        #expect(try ledger.audit().passed)
    }
}
