import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LedgerTesting
import Testing

/// A history whose `MemberAdmitted` events were recorded at schema version 1 (before credit
/// codes) stays valid: it imports as recorded, audits clean, replays to the same read-model
/// digests as the same history at version 2, and survives export and restore byte for byte.
@Suite("Schema version 1 MemberAdmitted history")
struct SchemaVersionOneHistoryTests {
    /// The generated lines with every admission written as the old tool exported it: no
    /// credit code, `recorded.schemaVersion` 1.
    static func versionOne(_ lines: [String]) throws -> (lines: [String], admissions: Int) {
        var admissions = 0
        let converted = try lines.map { line -> String in
            guard line.contains(#""type":"MemberAdmitted""#) else { return line }
            admissions += 1
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                var data = object["data"] as? [String: Any]
            else { throw CocoaError(.coderReadCorrupt) }
            data["creditCode"] = nil
            object["data"] = data
            object["recorded"] = ["schemaVersion": 1]
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        return (converted, admissions)
    }

    @Test func importsAuditsAndReplaysToTheSameDigests() throws {
        let dir = TemporaryDirectory("schema-v1-history")
        let lines = try GeneratedHistory.lines(events: 3_000, seed: 5, in: dir)
        let (old, admissions) = try Self.versionOne(lines)
        #expect(admissions > 10)
        try (old.joined(separator: "\n") + "\n").write(toFile: dir.file("v1.jsonl"), atomically: true, encoding: .utf8)

        let current = try Ledger.create(path: dir.file("current"))
        _ = try current.importFiles([ImportInput(path: try GeneratedHistory.write(events: 3_000, seed: 5, in: dir))])
        let legacy = try Ledger.create(path: dir.file("legacy"))
        _ = try legacy.importFiles([ImportInput(path: dir.file("v1.jsonl"))])

        // Recorded as the old tool recorded them: version 1 payloads without the code.
        let events = try legacy.events(from: 1)
        let recordedAdmissions = events.filter { $0.type == "MemberAdmitted" }
        #expect(recordedAdmissions.count == admissions)
        #expect(recordedAdmissions.allSatisfy { $0.schemaVersion == 1 })
        let upcast = try DomainEvent.decode(
            typeName: "MemberAdmitted", schemaVersion: 1, payload: try #require(recordedAdmissions.first).payload)
        #expect(upcast.schemaVersion == 2)
        if case .memberAdmitted(let admitted) = upcast { #expect(admitted.creditCode == nil) }

        let audit = try legacy.audit()
        #expect(audit.passed, "\(audit)")
        #expect(audit.readModels.count == 4)
        // The read models do not depend on the credit code: the same digests as at version 2,
        // and a replay from genesis gives the live ones.
        #expect(try legacy.liveDigests() == current.liveDigests())
        #expect(try legacy.replay().digests() == legacy.liveDigests())

        // Export and restore reproduce the version 1 records byte for byte.
        try legacy.export(to: dir.file("snapshot"))
        let summary = try Ledger.restore(from: [dir.file("snapshot")], to: dir.file("restored"))
        #expect(summary.audit.passed)
        let restored = try Ledger(path: dir.file("restored"))
        #expect(try restored.events(from: 1) == events)
        #expect(try restored.liveDigests() == legacy.liveDigests())
    }

    @Test func aVersionOneAdmissionCannotCarryACreditCode() throws {
        let dir = TemporaryDirectory("schema-v1-code")
        let line =
            #"{"type":"MemberAdmitted","occurredAt":"2025-01-02","actor":"gov-1","recorded":{"schemaVersion":1},"data":{"memberId":"e1","name":"E","kind":"enterprise","creditCode":"91330100716105852F"}}"#
        try (line + "\n").write(toFile: dir.file("bad.jsonl"), atomically: true, encoding: .utf8)
        let ledger = try Ledger.create(path: dir.file("ledger"))
        #expect(throws: (any Error).self) { try ledger.importFiles([ImportInput(path: dir.file("bad.jsonl"))]) }
        #expect(try ledger.eventCount() == 0)
    }
}
