import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

@testable import PostgresSink

/// The sink keeps each ledger's chain hashes and will not follow a history that no longer
/// contains what it already wrote.
@Suite("A rewritten upstream history", .enabled(if: PostgresTest.available, PostgresTest.skipReason))
struct RewrittenHistoryTests {
    @Test func aLedgerRebuiltWithTheSameIdAndOtherEventsIsRefused() throws {
        let dir = TemporaryDirectory("sink-rewrite")
        let original = try SinkFixtures.ledger(events: 1_200, seed: 31, in: dir, name: "original")
        let id = try SinkFixtures.ledgerId(original)
        let url = try PostgresTest.freshDatabase("rewrite")
        defer { PostgresTest.drop(url) }
        #expect(try SinkFixtures.sink(original, url).status == 0)

        // Someone rebuilds the ledger under the same id from other records (a forged history).
        let forgedFile = try GeneratedHistory.write(events: 1_300, seed: 32, in: dir)
        let forged = try Ledger.create(path: dir.file("forged"), ledgerId: id)
        _ = try forged.importFiles([ImportInput(path: forgedFile)])

        let result = try SinkFixtures.sink(forged, url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("history rewritten upstream"), "\(result.stderr)")
        #expect(
            result.stderr.contains("first differs at sequence 1:"), "names where the chain differs: \(result.stderr)")
        let rows = try PostgresTest.integer("SELECT count(*) FROM consortium_events", url)
        #expect(rows == 1_200, "nothing of the forged history was written")
        let unchanged = try PostgresTest.hashes(ledgerId: id, url) == SinkFixtures.hashes(original)
        #expect(unchanged, "the rows are still the original's")
    }

    @Test func aLedgerThatLostEventsIsRefused() throws {
        let dir = TemporaryDirectory("sink-truncate")
        let file = try GeneratedHistory.write(events: 900, seed: 33, in: dir)
        let original = try Ledger.create(path: dir.file("original"))
        _ = try original.importFiles([ImportInput(path: file)])
        let id = try SinkFixtures.ledgerId(original)
        let url = try PostgresTest.freshDatabase("truncate")
        defer { PostgresTest.drop(url) }
        #expect(try SinkFixtures.sink(original, url).status == 0)

        // The same first 800 records under the same id; the last hundred are gone.
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").prefix(800)
        let shorter = dir.file("shorter.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: shorter, atomically: true, encoding: .utf8)
        let truncated = try Ledger.create(path: dir.file("truncated"), ledgerId: id)
        _ = try truncated.importFiles([ImportInput(path: shorter)])

        let result = try SinkFixtures.sink(truncated, url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("has only 800 events but PostgreSQL already holds 900"), "\(result.stderr)")
        #expect(try PostgresTest.integer("SELECT count(*) FROM consortium_events", url) == 900)
    }
}
