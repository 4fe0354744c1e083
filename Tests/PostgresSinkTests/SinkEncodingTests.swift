import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Projections
import Testing

@testable import PostgresSink

/// The parts of the sink that need no server: COPY text, the feed's event-stream framing,
/// the migration files and their columns.
@Suite("Sink encodings")
struct SinkEncodingTests {
    @Test func copyTextEscapesWhatCopyWouldMisread() {
        var copy = CopyText()
        copy.appendEscaped(Array("a\tb\nc\rd\\e \"中\"".utf8))
        #expect(String(decoding: copy.bytes, as: UTF8.self) == #"a\tb\nc\rd\\e "中""#)
        var number = CopyText()
        number.appendInteger(0)
        number.appendInteger(18_446_744_073_709_551_615)
        #expect(String(decoding: number.bytes, as: UTF8.self) == "018446744073709551615")
        var bytea = CopyText()
        bytea.appendBytea([0x00, 0xAB, 0xFF])
        #expect(String(decoding: bytea.bytes, as: UTF8.self) == #"\\x00abff"#)
    }

    @Test func anEventRowHasNineColumnsWhateverItsPayloadHolds() throws {
        let dir = TemporaryDirectory("sink-copy-row")
        let file = try GeneratedHistory.write(events: 300, seed: 4, in: dir)
        let ledger = try Ledger.create(path: dir.file("city"))
        _ = try ledger.importFiles([ImportInput(path: file)])
        let chunk = try ledger.sinkChunk(after: 0, limit: 300)
        #expect(chunk.records.count == 300)
        var copy = CopyText()
        for record in chunk.records { copy.appendEvent(record, escapedLedgerId: CopyText.escaped(chunk.ledgerId)) }
        let lines = copy.bytes.split(separator: 0x0A)
        #expect(lines.count == 300)
        for (line, record) in zip(lines, chunk.records) {
            let cells = line.split(separator: 0x09, omittingEmptySubsequences: false)
            #expect(cells.count == 9)
            #expect(String(decoding: cells[1], as: UTF8.self) == String(record.sequence))
            // The data cell is the payload's JSON, which parses back to the event.
            let data = try JSONValue.parse(Array(cells[7]))
            #expect(data == .object(record.event.jsonObject()))
        }
    }

    @Test func eventStreamMessagesSurviveAnySplitOfTheBytes() {
        let stream = Array(
            ": keep-alive\r\nid: 41\ndata: {\"a\":1}\n\nid: 42\r\ndata: line one\r\ndata: line two\r\n\r\nretry: 10\n\n"
                .utf8)
        let expected = [
            ServerSentEvent(id: "41", event: nil, data: Array(#"{"a":1}"#.utf8)),
            ServerSentEvent(id: "42", event: nil, data: Array("line one\nline two".utf8)),
        ]
        for split in 0...stream.count {
            var parser = ServerSentEventParser()
            let messages = parser.feed(stream[..<split]) + parser.feed(stream[split...])
            #expect(messages == expected, "split at \(split)")
        }
    }

    @Test func aLogLineReadsBackAsTheRecordTheLedgerHolds() throws {
        let dir = TemporaryDirectory("sink-log-line")
        let file = try GeneratedHistory.write(events: 120, seed: 6, in: dir)
        let ledger = try Ledger.create(path: dir.file("city"))
        _ = try ledger.importFiles([ImportInput(path: file)])
        let log = try ProcessRunner.run(
            "ledger", ["log", "--format", "jsonl", "--limit", "200", "--ledger", ledger.path])
        let lines = log.stdout.split(separator: "\n").map { Array($0.utf8) }
        let records = try ledger.sinkChunk(after: 0, limit: 200).records
        #expect(lines.count == records.count)
        for (line, record) in zip(lines, records) {
            let parsed = try SinkRecord.parse(logLine: line, source: "test")
            #expect(parsed.sequence == record.sequence)
            #expect(parsed.hash == record.hash)
            #expect(parsed.previousHash == record.previousHash)
            #expect(parsed.data == record.data)
            #expect(parsed.event == record.event)
            #expect(parsed.context == record.context)
        }
        #expect(throws: (any Error).self) { try SinkRecord.parse(logLine: Array("{\"id\":1}".utf8), source: "test") }
    }

    @Test func migrationsCoverEveryTierFigure() throws {
        let migrations = try Migrations.bundled()
        #expect(migrations.files.map(\.version) == Array(1...migrations.files.count))
        let sql = migrations.files.flatMap(\.statements).joined(separator: "\n")
        for column in TierTable.council.columns + TierTable.committee.columns + TierTable.project.columns {
            #expect(sql.contains(" \(column) "), "a migration creates column \(column)")
        }
        #expect(TierTable.council.columns.contains("subsidies_social_insurance_clawed_back_fen"))
        #expect(TierTable.committee.columns.contains("agreements_expiring_within90_days"))
        #expect(
            Migrations.statements(in: "-- c\nCREATE TABLE a (x int);\n\nCREATE VIEW b AS\nSELECT 1;\n")
                == ["CREATE TABLE a (x int);", "CREATE VIEW b AS\nSELECT 1;"])
    }
}
