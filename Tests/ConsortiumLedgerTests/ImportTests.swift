import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LedgerTesting
import Testing

@Suite("Import")
struct ImportTests {
    private func freshLedger(_ dir: TemporaryDirectory) throws -> Ledger {
        try Ledger.create(path: dir.file("ledger"))
    }

    @Test(arguments: ["jsonl", "json", "csv"])
    func generatedHistoryImportsCleanInEveryFormat(format: String) throws {
        let dir = TemporaryDirectory()
        let file = try GeneratedHistory.write(events: 3_000, seed: 5, format: format, in: dir)
        let ledger = try freshLedger(dir)
        let summary = try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 700))
        #expect(summary.appended == 3_000)
        #expect(try ledger.eventCount() == 3_000)
        #expect(try ledger.verifyChain().isIntact)
        #expect(summary.byType["ConsortiumChartered"] == 1)
    }

    @Test func allFormatsRecordTheSameEvents() throws {
        let dir = TemporaryDirectory()
        var heads: [String] = []
        for format in ["jsonl", "json", "csv"] {
            let file = try GeneratedHistory.write(events: 1_500, seed: 9, format: format, in: dir)
            let sub = TemporaryDirectory()
            let ledger = try Ledger.create(path: sub.file("ledger"))
            try ledger.importFiles([ImportInput(path: file)])
            let payloads = try ledger.events(from: 1).map {
                "\($0.id)|\($0.type)|\($0.actor)|\($0.occurredAt)|\($0.payload)"
            }
            heads.append(payloads.joined(separator: "\n"))
        }
        #expect(heads[0] == heads[1])
        #expect(heads[0] == heads[2])
    }

    @Test func oneBadLineInTheMiddleRejectsTheWholeFileNamingTheLine() throws {
        let dir = TemporaryDirectory()
        var lines = try GeneratedHistory.lines(events: 2_000, seed: 2, in: dir)
        lines[1_233] = lines[1_233].replacingOccurrences(of: #""occurredAt":""#, with: #""occurredAt":"not-a-date"#)
        let file = dir.file("bad.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let ledger = try freshLedger(dir)
        let error = #expect(throws: ImportRejected.self) {
            try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 100))
        }
        #expect(error?.issues.first?.location.line == 1_234)
        #expect(error?.issues.first?.field == "occurredAt")
        #expect(error?.description.contains("bad.jsonl:1234") == true)
        #expect(try ledger.eventCount() == 0)
    }

    @Test func reportListsEveryBadRecord() throws {
        let dir = TemporaryDirectory()
        var lines = try GeneratedHistory.lines(events: 500, seed: 2, in: dir)
        lines[100] = "{ this is not json"
        lines[200] = lines[200].replacingOccurrences(of: #""type":""#, with: #""type":"Bogus"#)
        let file = dir.file("bad.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let report = dir.file("errors.jsonl")
        let ledger = try freshLedger(dir)
        #expect(throws: ImportRejected.self) {
            try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(reportPath: report))
        }
        let reported = try String(contentsOfFile: report, encoding: .utf8)
        #expect(reported.contains(#""line":101"#))
        #expect(reported.contains(#""line":201"#))
        #expect(reported.contains(#""field":"type""#))
        #expect(try ledger.eventCount() == 0)
    }

    @Test func aRuleViolationIsNamedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        var lines = try GeneratedHistory.lines(events: 3_000, seed: 4, in: dir)
        let index = try #require(lines.firstIndex { $0.contains(#""type":"SubsidyApproved""#) })
        let school = try #require(lines.first { $0.contains(#""kind":"school""#) && $0.contains("MemberAdmitted") })
        let schoolId = try #require(
            school.range(of: #""memberId":""#).map { String(school[$0.upperBound...].prefix { $0 != "\"" }) })
        lines[index] = lines[index].replacingOccurrences(
            of: #""actor":"[^"]*""#, with: #""actor":"\#(schoolId)""#, options: .regularExpression)
        let file = dir.file("rule.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let ledger = try freshLedger(dir)
        let error = #expect(throws: ImportRejected.self) { try ledger.importFiles([ImportInput(path: file)]) }
        let first = try #require(error?.issues.first)
        #expect(first.location.line == index + 1)
        #expect(first.kind == .ruleViolation)
        #expect(first.field == "actor")
        #expect(try ledger.eventCount() == 0)
    }

    @Test func reimportingTheSameFileSkipsWhatLandedAndResumes() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 1_200, seed: 6, in: dir)
        let ledger = try freshLedger(dir)
        // As if a crash had stopped the import after the first chunks:
        let partial = dir.file("partial.jsonl")
        try lines.prefix(450).joined(separator: "\n").write(toFile: partial, atomically: true, encoding: .utf8)
        try ledger.importFiles([ImportInput(path: partial)], options: ImportOptions(batchSize: 100))
        let full = dir.file("full.jsonl")
        try lines.joined(separator: "\n").write(toFile: full, atomically: true, encoding: .utf8)
        let summary = try ledger.importFiles([ImportInput(path: full)], options: ImportOptions(batchSize: 100))
        #expect(summary.alreadyRecorded == 450)
        #expect(summary.appended == 750)
        #expect(try ledger.eventCount() == 1_200)
        #expect(try ledger.verifyChain().isIntact)
    }

    @Test func linesWithoutIdsGetContentDerivedIdsSoReimportIsIdempotent() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 300, seed: 8, in: dir).map {
            $0.replacingOccurrences(of: #""id":"[^"]*","#, with: "", options: .regularExpression)
        }
        #expect(!lines[0].contains(#""id""#))
        let file = dir.file("noids.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let ledger = try freshLedger(dir)
        try ledger.importFiles([ImportInput(path: file)])
        let again = try ledger.importFiles([ImportInput(path: file)])
        #expect(again.appended == 0)
        #expect(try ledger.eventCount() == 300)
    }

    @Test func loggedLinesImportIntoAnotherLedger() throws {
        let dir = TemporaryDirectory()
        let file = try GeneratedHistory.write(events: 800, seed: 3, in: dir)
        let source = try freshLedger(dir)
        try source.importFiles([ImportInput(path: file)])
        let exported = try source.events(from: 1).map { JSONValue.object(try $0.exportObject()).serialized() }
        let copyFile = dir.file("copy.jsonl")
        try exported.joined(separator: "\n").write(toFile: copyFile, atomically: true, encoding: .utf8)
        let target = try Ledger.create(path: dir.file("target"))
        try target.importFiles([ImportInput(path: copyFile)])
        let a = try source.events(from: 1).map { [$0.id, $0.type, $0.stream] }
        let b = try target.events(from: 1).map { [$0.id, $0.type, $0.stream] }
        #expect(a == b)
    }

    @Test func oneTransactionImportRecordsWhatAChunkedImportRecords() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 2_500, seed: 12, in: dir)
        let file = dir.file("all.jsonl")
        let (firstHalf, secondHalf) = (dir.file("first.jsonl"), dir.file("second.jsonl"))
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try lines.prefix(1_200).joined(separator: "\n").write(toFile: firstHalf, atomically: true, encoding: .utf8)
        try lines.dropFirst(1_200).joined(separator: "\n").write(toFile: secondHalf, atomically: true, encoding: .utf8)
        let single = try Ledger.create(path: dir.file("single"))
        let chunked = try Ledger.create(path: dir.file("chunked"))
        // The second half refers to members, agreements and classes of the first: it is accepted
        // only if the first transaction kept the rule state its shadow computed.
        let first = try single.importFiles([ImportInput(path: firstHalf)])
        let second = try single.importFiles([ImportInput(path: secondHalf)])
        try chunked.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 333))
        #expect(first.appended + second.appended == 2_500)
        let content = { (ledger: Ledger) in
            try ledger.events(from: 1).map { "\($0.sequence)|\($0.id)|\($0.stream)|\($0.version)|\($0.payload)" }
        }
        #expect(try content(single) == content(chunked))
        #expect(try single.liveDigests() == chunked.liveDigests())
        #expect(try single.replay().digests() == single.liveDigests())
        #expect(try single.merkleRoot().size == 2_500)
        #expect(try single.verifyChain().isIntact)
        // And the rule state refuses what it should: the charter cannot be granted twice.
        let charter = try #require(lines.first { $0.contains(#""type":"ConsortiumChartered""#) })
        let again = charter.replacingOccurrences(
            of: #""id":"[^"]*""#, with: #""id":"charter-again""#, options: .regularExpression)
        #expect(throws: LedgerError.self) { try single.append([try ImportLine.parse(json: again)]) }
        #expect(try single.eventCount() == 2_500)
    }

    @Test func aOneTransactionImportOfManyParserChunksRecordsWhatAChunkedImportRecords() throws {
        let dir = TemporaryDirectory()
        // Past three of the parser's chunks, each appended on its own inside the one transaction.
        let lines = try GeneratedHistory.lines(events: 3 * 8_192 + 500, seed: 16, in: dir)
        let file = dir.file("all.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let single = try Ledger.create(path: dir.file("single"))
        let chunked = try Ledger.create(path: dir.file("chunked"))
        // A hundred of them recorded before: skipped in the first chunk, as the shadow predicted.
        let early = dir.file("early.jsonl")
        try lines.prefix(100).joined(separator: "\n").write(toFile: early, atomically: true, encoding: .utf8)
        try single.importFiles([ImportInput(path: early)])
        let progress = ProgressLog()
        var options = ImportOptions()
        options.progress = { phase, done in progress.record(phase, done) }
        let summary = try single.importFiles([ImportInput(path: file)], options: options)
        try chunked.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 5_000))
        #expect(summary.appended == lines.count - 100)
        #expect(summary.alreadyRecorded == 100)
        // In the one transaction, chunk after chunk: had the writer not done what the shadow
        // predicted, the import would have fallen back to validating first.
        #expect(progress.entries.map(\.0).allSatisfy { $0 == .importing })
        #expect(progress.entries.map(\.1) == [8_192, 16_384, 24_576, lines.count])
        let content = { (ledger: Ledger) in
            try ledger.events(from: 1).map { "\($0.sequence)|\($0.id)|\($0.stream)|\($0.version)|\($0.payload)" }
        }
        #expect(try content(single) == content(chunked))
        // The id and stream indexes, written once at the end of the transaction, hold every event.
        var versions: [String: UInt64] = [:]
        var unindexed = 0
        for event in try single.events(from: 1) {
            if try single.sequence(ofEventId: event.id) != event.sequence { unindexed += 1 }
            versions[event.stream] = event.version
        }
        #expect(unindexed == 0)
        #expect(try versions.filter { try single.streamVersion($0.key) != $0.value }.isEmpty)
        #expect(try single.liveDigests() == chunked.liveDigests())
        // The same read-model snapshots too (the shadow cuts them chunk by chunk; any it missed,
        // the checkpointer would write after the import, so this holds the end state only).
        let snapshots = try single.snapshotEntries()
        #expect(snapshots.count > 3)
        #expect(try snapshots == chunked.snapshotEntries())
        #expect(try single.audit(options: AuditOptions(checkSignatures: false)).passed)
    }

    @Test func aResendAcrossParserChunksIsRecordedOnceAndAReusedIdAcrossThemRefused() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 2 * 8_192 + 300, seed: 18, in: dir)
        // The first chunk's line 41 again in the last chunk: its id is among the index entries
        // the transaction has not written yet.
        let resent = dir.file("resent.jsonl")
        try (lines + [lines[40]]).joined(separator: "\n").write(toFile: resent, atomically: true, encoding: .utf8)
        let ledger = try Ledger.create(path: dir.file("resent"))
        let summary = try ledger.importFiles([ImportInput(path: resent)])
        #expect(summary.appended == lines.count)
        #expect(summary.alreadyRecorded == 1)
        #expect(try ledger.eventCount() == lines.count)
        // The same id with other content: refused, naming its line, nothing written.
        let reused = lines[41].replacingOccurrences(
            of: #""id":"[^"]*""#, with: #""id":"\#(try #require(Self.id(of: lines[40])))""#,
            options: .regularExpression)
        let conflicting = dir.file("conflicting.jsonl")
        try (lines + [reused]).joined(separator: "\n").write(toFile: conflicting, atomically: true, encoding: .utf8)
        let other = try Ledger.create(path: dir.file("conflicting"))
        let error = #expect(throws: ImportRejected.self) { try other.importFiles([ImportInput(path: conflicting)]) }
        #expect(error?.issues.first?.location.line == lines.count + 1)
        #expect(error?.issues.first?.field == "id")
        #expect(try other.eventCount() == 0)
    }

    @Test func aConflictWithTheLogFoundInsideTheOneTransactionIsReportedWithItsLine() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 600, seed: 13, in: dir)
        let ledger = try freshLedger(dir)
        let first = dir.file("first.jsonl")
        try lines.prefix(300).joined(separator: "\n").write(toFile: first, atomically: true, encoding: .utf8)
        try ledger.importFiles([ImportInput(path: first)])
        // Line 450 reuses the id of an event already recorded, with other content.
        let recordedId = try #require(
            lines[10].range(of: #""id":""#).map { String(lines[10][$0.upperBound...].prefix { $0 != "\"" }) })
        var rest = Array(lines[300...])
        rest[149] = rest[149].replacingOccurrences(
            of: #""id":"[^"]*""#, with: #""id":"\#(recordedId)""#, options: .regularExpression)
        let second = dir.file("second.jsonl")
        try rest.joined(separator: "\n").write(toFile: second, atomically: true, encoding: .utf8)
        let before = try ledger.liveDigests()
        let error = #expect(throws: ImportRejected.self) { try ledger.importFiles([ImportInput(path: second)]) }
        #expect(error?.issues.first?.location.line == 150)
        #expect(error?.issues.first?.field == "id")
        #expect(try ledger.eventCount() == 300)
        #expect(try ledger.liveDigests() == before)
    }

    @Test func aLineRepeatedInTheInputIsRecordedOnceAndAReusedIdIsRefused() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 800, seed: 15, in: dir)
        let once = try Ledger.create(path: dir.file("once"))
        let onceFile = dir.file("once.jsonl")
        try lines.joined(separator: "\n").write(toFile: onceFile, atomically: true, encoding: .utf8)
        try once.importFiles([ImportInput(path: onceFile)])
        // The same record again later in the input (a resend): recorded once, counted once.
        let twice = try Ledger.create(path: dir.file("twice"))
        let twiceFile = dir.file("twice.jsonl")
        try (lines + [lines[500]]).joined(separator: "\n").write(toFile: twiceFile, atomically: true, encoding: .utf8)
        let summary = try twice.importFiles([ImportInput(path: twiceFile)])
        #expect(summary.appended == 800)
        #expect(summary.alreadyRecorded == 1)
        #expect(try twice.liveDigests() == once.liveDigests())
        // The same id with other content: refused, naming the second line, nothing written.
        let reused = lines[501].replacingOccurrences(
            of: #""id":"[^"]*""#, with: #""id":"\#(try #require(Self.id(of: lines[500])))""#,
            options: .regularExpression)
        let conflictFile = dir.file("conflict.jsonl")
        try (lines.prefix(501) + [reused] + lines.dropFirst(502)).joined(separator: "\n")
            .write(toFile: conflictFile, atomically: true, encoding: .utf8)
        let fresh = try Ledger.create(path: dir.file("fresh"))
        let error = #expect(throws: ImportRejected.self) { try fresh.importFiles([ImportInput(path: conflictFile)]) }
        #expect(error?.issues.first?.location.line == 502)
        #expect(error?.issues.first?.field == "id")
        #expect(try fresh.eventCount() == 0)
    }

    private static func id(of line: String) -> String? {
        line.range(of: #""id":""#).map { String(line[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    @Test func aJSONLFileTooBigForOneTransactionIsValidatedThenWrittenInSegments() throws {
        let dir = TemporaryDirectory()
        var lines = try GeneratedHistory.lines(events: 2_500, seed: 14, in: dir)
        let file = dir.file("big.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        var options = ImportOptions()
        options.singleTransactionBytes = 60_000
        let progress = ProgressLog()
        options.progress = { phase, done in progress.record(phase, done) }
        #expect(ImportInput.segmentCount(of: file, maxBytes: 60_000) > 5)
        let segmented = try Ledger.create(path: dir.file("segmented"))
        let summary = try segmented.importFiles([ImportInput(path: file)], options: options)
        #expect(summary.appended == 2_500)
        #expect(summary.records == 2_500)
        let writes = progress.entries.filter { $0.0 == .writing }.map(\.1)
        #expect(writes.count > 5)
        #expect(writes == writes.sorted())
        #expect(writes.last == 2_500)
        let chunked = try Ledger.create(path: dir.file("chunked"))
        try chunked.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 500))
        let content = { (ledger: Ledger) in
            try ledger.events(from: 1).map { "\($0.sequence)|\($0.id)|\($0.payload)" }
        }
        #expect(try content(segmented) == content(chunked))
        #expect(try segmented.liveDigests() == chunked.liveDigests())
        #expect(try segmented.importFiles([ImportInput(path: file)], options: options).alreadyRecorded == 2_500)

        // A bad line late in the file is found by the validation before any segment is written.
        lines[2_200] = lines[2_200].replacingOccurrences(of: #""occurredAt":""#, with: #""occurredAt":"never"#)
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let fresh = try Ledger.create(path: dir.file("fresh"))
        let error = #expect(throws: ImportRejected.self) {
            try fresh.importFiles([ImportInput(path: file)], options: options)
        }
        #expect(error?.issues.first?.location.line == 2_201)
        #expect(try fresh.eventCount() == 0)
    }
}

/// Progress reports collected from the import's threads.
private final class ProgressLog: Sendable {
    private let collected = Locked<[(ImportPhase, Int)]>([])
    func record(_ phase: ImportPhase, _ done: Int) { collected.withLock { $0.append((phase, done)) } }
    var entries: [(ImportPhase, Int)] { collected.value }
}

extension ImportInput {
    static func segmentCount(of path: String, maxBytes: Int) -> Int {
        ((try? ImportInput(path: path))?.jsonlSegments(maxBytes: maxBytes).count) ?? 0
    }
}
