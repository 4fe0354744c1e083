import Audit
import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LedgerTesting
import Testing

@Suite("Export and restore")
struct ExportRestoreTests {
    /// A ledger with `events` generated events, imported in small batches (several recordedAt values).
    private func ledger(events: Int, seed: Int = 7, in dir: TemporaryDirectory, name: String = "source") throws
        -> Ledger
    {
        let file = try GeneratedHistory.write(events: events, seed: seed, in: dir)
        let ledger = try Ledger.create(path: dir.file(name))
        _ = try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 400))
        return ledger
    }

    private func allEvents(_ ledger: Ledger) throws -> [RecordedEvent] {
        try ledger.events(from: 1)
    }

    /// Every tier query, as JSON, for the years in `years`.
    private func answers(_ ledger: Ledger, years: [Int]) throws -> [String] {
        try years.map { try ledger.councilReport(year: $0).json.serialized() }
            + [
                JSONValue.array(try ledger.committeeReports().map(\.json)).serialized(),
                JSONValue.array(try ledger.projectReports().map(\.json)).serialized(),
            ]
    }

    @Test func roundTripReproducesEveryRecordRootAndAnswer() throws {
        let dir = TemporaryDirectory("export-roundtrip")
        let source = try ledger(events: 3_000, in: dir)
        let exported = try source.export(to: dir.file("snapshot"))
        #expect(exported.manifest.sequences == .init(first: 1, last: 3_000))
        #expect(exported.manifest.eventsByType.values.reduce(0, +) == 3_000)
        #expect(!FileManager.default.fileExists(atPath: dir.file("snapshot/checkpoint.key")))

        let summary = try Ledger.restore(from: [dir.file("snapshot")], to: dir.file("restored"))
        #expect(summary.audit.passed)
        let restored = try Ledger(path: dir.file("restored"))
        #expect(restored.ledgerId == source.ledgerId)
        #expect(try restored.verifyChain().isIntact)
        #expect(try restored.audit().passed)
        // Byte-identical records: same recordedAt, hashes and Merkle root as the original.
        #expect(try allEvents(restored) == allEvents(source))
        #expect(try restored.merkleRoot() == source.merkleRoot())
        let years = exported.manifest.readModels.councilYears
        #expect(!years.isEmpty)
        #expect(try answers(restored, years: years) == answers(source, years: years))
    }

    @Test func restoredRecordsKeepTheirOriginalRecordedAt() throws {
        let dir = TemporaryDirectory("export-recordedat")
        let source = try ledger(events: 800, in: dir)
        try source.export(to: dir.file("snapshot"))
        Thread.sleep(forTimeInterval: 0.01)  // a restore's own clock is later than every original
        try Ledger.restore(from: [dir.file("snapshot")], to: dir.file("restored"))
        let original = try allEvents(source).map(\.recordedAt)
        #expect(try allEvents(try Ledger(path: dir.file("restored"))).map(\.recordedAt) == original)
    }

    @Test func incrementalExportsChainAndRestoreToTheSameLedger() throws {
        let dir = TemporaryDirectory("export-incremental")
        let lines = try GeneratedHistory.lines(events: 2_400, seed: 3, in: dir)
        let source = try Ledger.create(path: dir.file("source"))
        let parts = [lines[0..<1_000], lines[1_000..<1_700], lines[1_700...]]
        var snapshots: [String] = []
        for (index, part) in parts.enumerated() {
            let file = dir.file("part\(index).jsonl")
            try part.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            _ = try source.importFiles([ImportInput(path: file)])
            let target = dir.file("snap\(index)")
            let summary = try source.export(to: target, options: ExportOptions(since: snapshots.last))
            #expect(summary.manifest.kind == (index == 0 ? .full : .incremental))
            #expect(summary.manifest.sequences.count == UInt64(part.count))
            snapshots.append(target)
        }
        let last = try ExportManifest.load(from: snapshots[2]).manifest
        let middleBytes = try Data(contentsOf: URL(fileURLWithPath: snapshots[1] + "/manifest.json"))
        #expect(last.previous?.manifestSHA256 == Hash.sha256(middleBytes).hex)
        #expect(last.previous?.sequences == .init(first: 1_001, last: 1_700))

        let summary = try Ledger.restore(from: snapshots, to: dir.file("restored"))
        #expect(summary.events == 2_400)
        let restored = try Ledger(path: dir.file("restored"))
        #expect(try allEvents(restored) == allEvents(source))
        #expect(try restored.merkleRoot() == source.merkleRoot())

        // Out of order, or with a link missing, nothing is created.
        for wrong in [[snapshots[1]], [snapshots[0], snapshots[2]], [snapshots[0], snapshots[2], snapshots[1]]] {
            #expect(throws: LedgerError.self) { try Ledger.restore(from: wrong, to: dir.file("wrong")) }
            #expect(!FileManager.default.fileExists(atPath: dir.file("wrong")))
        }
    }

    @Test func replayedReadModelsAreTheLiveOnesByteForByte() throws {
        let dir = TemporaryDirectory("export-replay")
        let source = try ledger(events: 2_000, in: dir)
        let live = try source.export(to: dir.file("live"))
        let replayed = try source.export(to: dir.file("replayed"), options: ExportOptions(readModels: .replay))
        #expect(live.manifest.readModels.source == "live")
        #expect(replayed.manifest.readModels.source == "replay")
        // Every file alike, the signed checkpoint too (same note, and Ed25519 is deterministic).
        #expect(live.manifest.files == replayed.manifest.files)
    }

    enum Damage: String, CaseIterable, Sendable {
        case alteredReadModel, missingPublicKey, truncatedEvents, alteredEventsSameSize
    }

    @Test(arguments: Damage.allCases)
    func restoreRefusesADamagedSnapshotNamingTheFile(damage: Damage) throws {
        let dir = TemporaryDirectory("export-damage")
        let source = try ledger(events: 600, in: dir)
        let snapshot = dir.file("snapshot")
        try source.export(to: snapshot)
        let file: String
        switch damage {
        case .alteredReadModel:
            file = "committee.json"
            var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot + "/" + file))
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: snapshot + "/" + file))
        case .missingPublicKey:
            file = "checkpoint.pub"
            try FileManager.default.removeItem(atPath: snapshot + "/" + file)
        case .truncatedEvents:
            file = "events.jsonl"
            let handle = try #require(FileHandle(forUpdatingAtPath: snapshot + "/" + file))
            try handle.truncate(atOffset: 1_000)
            try handle.close()
        case .alteredEventsSameSize:
            file = "events.jsonl"
            var text = try String(contentsOfFile: snapshot + "/" + file, encoding: .utf8)
            let range = try #require(text.range(of: "\"actor\":\"gov-001\""))
            text.replaceSubrange(range, with: "\"actor\":\"gov-002\"")
            try text.write(toFile: snapshot + "/" + file, atomically: false, encoding: .utf8)
        }
        let error = #expect(throws: LedgerError.self) {
            try Ledger.restore(from: [snapshot], to: dir.file("restored"))
        }
        #expect(error?.message.contains(file) == true, "\(error?.message ?? "")")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!left.contains { $0.hasPrefix("restored") }, "\(left)")
    }

    @Test func exportRefusesAnExistingSnapshotAndLeavesItAlone() throws {
        let dir = TemporaryDirectory("export-exists")
        let source = try ledger(events: 300, in: dir)
        try source.export(to: dir.file("snapshot"))
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.file("snapshot/manifest.json")))
        #expect(throws: LedgerError.self) { try source.export(to: dir.file("snapshot")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("snapshot/manifest.json"))) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!left.contains { $0.contains("incomplete") }, "\(left)")
    }

    @Test func sinceAManifestOfAnotherLedgerIsRefused() throws {
        let dir = TemporaryDirectory("export-other")
        let one = try ledger(events: 300, in: dir, name: "one")
        let other = try ledger(events: 300, seed: 8, in: dir, name: "other")
        try one.export(to: dir.file("one-snapshot"))
        let error = #expect(throws: LedgerError.self) {
            try other.export(to: dir.file("other-inc"), options: ExportOptions(since: dir.file("one-snapshot")))
        }
        #expect(error?.message.contains("manifest.json") == true)
        #expect(!FileManager.default.fileExists(atPath: dir.file("other-inc")))
    }
}
