import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

/// A fixed history (1,500 generated events, exported once and committed under
/// `Fixtures/golden-history`) must keep every byte: restoring it recomputes each record's hash
/// and compares it with the exported one, and the Merkle root, the signed checkpoint and the
/// read-model files; exporting the restored ledger gives the committed files back byte for
/// byte; importing the same lines anew records the same payload bytes; and the read models
/// keep their pinned digests. Refactorings of the codec, the import parser, the rules or the
/// read models (see docs/PERFORMANCE.md) must leave all of this unchanged.
///
/// To pin a deliberate change of a read model (a new projector version), rerun with
/// `LEDGER_WRITE_GOLDEN=1` and commit `digests.txt`.
@Suite("Fixed history: records, exports and read models stay byte-identical")
struct FixedHistoryDigestTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden-history")

    /// The committed snapshot, with its events file unpacked, in a fresh directory.
    static func unpackedSnapshot(in dir: TemporaryDirectory) throws -> String {
        let snapshot = dir.file("snapshot")
        try FileManager.default.createDirectory(atPath: snapshot, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) where name != "digests.txt" {
            guard name != "events.jsonl.gz" else { continue }
            try FileManager.default.copyItem(
                atPath: fixture.appendingPathComponent(name).path, toPath: snapshot + "/" + name)
        }
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = [
            "-c", "gzip -dc \"$0\" > \"$1\"", fixture.appendingPathComponent("events.jsonl.gz").path,
            snapshot + "/events.jsonl",
        ]
        try gunzip.run()
        gunzip.waitUntilExit()
        try #require(gunzip.terminationStatus == 0, "gzip could not unpack the fixture's events")
        return snapshot
    }

    static func digestLines(_ ledger: Ledger) throws -> String {
        let digests = try ledger.liveDigests()
        return "council \(digests.council)\ncommittee \(digests.committee)\nproject \(digests.project)\n"
            + "claims \(digests.claims)\n"
    }

    @Test func restoreReexportAndReimportReproduceTheCommittedBytes() throws {
        let dir = TemporaryDirectory("golden-history")
        let snapshot = try Self.unpackedSnapshot(in: dir)

        // Restore recomputes every hash, the Merkle root and the read models and compares them.
        let summary = try Ledger.restore(from: [snapshot], to: dir.file("restored"))
        #expect(summary.audit.passed, "\(summary.audit)")
        let restored = try Ledger(path: dir.file("restored"))
        #expect(try restored.eventCount() == 1_500)
        #expect(try restored.replay().digests() == restored.liveDigests())

        let pinnedDigests = Self.fixture.appendingPathComponent("digests.txt")
        if ProcessInfo.processInfo.environment["LEDGER_WRITE_GOLDEN"] == "1" {
            try Self.digestLines(restored).write(to: pinnedDigests, atomically: true, encoding: .utf8)
        }
        #expect(try Self.digestLines(restored) == String(contentsOf: pinnedDigests, encoding: .utf8))

        // Export writes the committed events and read-model files again, byte for byte.
        try restored.export(to: dir.file("again"))
        let exported = try FileManager.default.contentsOfDirectory(atPath: snapshot).sorted()
        for name in exported where name != "manifest.json" && !name.hasPrefix("checkpoint.") {
            let original = try Data(contentsOf: URL(fileURLWithPath: snapshot + "/" + name))
            let again = try Data(contentsOf: URL(fileURLWithPath: dir.file("again") + "/" + name))
            #expect(again == original, "\(name) differs after restore and export")
        }

        // Importing the same lines (the export lines without their `recorded` part) records
        // the same payload bytes for the same events.
        let exportLines = try String(contentsOfFile: snapshot + "/events.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let importLines = try exportLines.map { line -> String in
            let marker = try #require(line.range(of: #","recorded":"#, options: .backwards))
            return line[..<marker.lowerBound] + "}"
        }
        try (importLines.joined(separator: "\n") + "\n").write(
            toFile: dir.file("lines.jsonl"), atomically: true, encoding: .utf8)
        let imported = try Ledger.create(path: dir.file("imported"))
        _ = try imported.importFiles([ImportInput(path: dir.file("lines.jsonl"))])
        let originals = try restored.events(from: 1)
        let fresh = try imported.events(from: 1)
        #expect(fresh.count == originals.count)
        for (new, old) in zip(fresh, originals) {
            #expect(
                new.id == old.id && new.type == old.type && new.stream == old.stream && new.version == old.version
                    && new.occurredAt == old.occurredAt && new.actor == old.actor
                    && new.schemaVersion == old.schemaVersion && new.payload == old.payload,
                "sequence \(old.sequence) (\(old.type)) recorded differently on import")
        }
        #expect(try Self.digestLines(imported) == Self.digestLines(restored))
    }
}
