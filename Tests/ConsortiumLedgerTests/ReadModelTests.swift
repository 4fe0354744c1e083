import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LMDB
import LedgerTesting
import Projections
import Testing

@Suite("Read models in the ledger")
struct ReadModelTests {
    private func importLines(_ lines: [String], into ledger: Ledger, dir: TemporaryDirectory, batchSize: Int) throws {
        let file = dir.file("part-\(UUID().uuidString.prefix(6)).jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: batchSize))
    }

    /// Inline projection (one event per append, and in batches) equals a rebuild from zero.
    @Test func incrementalAndRebuiltDigestsAreIdentical() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 1_500, seed: 21, in: dir)
        let oneByOne = try Ledger.create(path: dir.file("one"))
        for line in lines.prefix(300) { try oneByOne.append([ImportLine.parse(json: line)]) }
        try importLines(Array(lines.dropFirst(300)), into: oneByOne, dir: dir, batchSize: 97)
        let batched = try Ledger.create(path: dir.file("batched"))
        try importLines(lines, into: batched, dir: dir, batchSize: 500)

        let inline = try oneByOne.liveDigests()
        #expect(inline == (try batched.liveDigests()))
        try oneByOne.rebuild()
        #expect(inline == (try oneByOne.liveDigests()))
        #expect(inline == (try oneByOne.replay().digests()))
        // A different history gives different digests.
        let other = try Ledger.create(path: dir.file("other"))
        try importLines(Array(lines.prefix(1_400)), into: other, dir: dir, batchSize: 500)
        #expect(inline.council != (try other.liveDigests()).council)
    }

    /// `--as-of SEQ` answers like a ledger holding only the events up to that sequence, and
    /// `--as-of DATE` like one holding only the events that occurred by then (the generator
    /// writes in date order, so that is a prefix too).
    @Test func asOfAnswersMatchALedgerBuiltFromThePrefix() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 2_500, seed: 22, in: dir)
        let full = try Ledger.create(path: dir.file("full"))
        try importLines(lines, into: full, dir: dir, batchSize: 1_000)

        let cut = 1_700
        let prefix = try Ledger.create(path: dir.file("prefix"))
        try importLines(Array(lines.prefix(cut)), into: prefix, dir: dir, batchSize: 1_000)
        let dateText = try #require(
            lines[cut - 1].range(of: #""occurredAt":""#).map { String(lines[cut - 1][$0.upperBound...].prefix(10)) })
        let date = try #require(LocalDate(iso: dateText))
        let year = date.year
        #expect(
            try full.councilReport(year: year, asOf: .sequence(UInt64(cut))).json
                == prefix.councilReport(year: year).json)
        #expect(
            try full.committeeReports(asOf: .sequence(UInt64(cut))).map(\.json)
                == prefix.committeeReports().map(\.json))
        #expect(
            try full.projectReports(asOf: .sequence(UInt64(cut))).map(\.json) == prefix.projectReports().map(\.json))

        // By date: everything that occurred on or before the cut line's date.
        let byDate = lines.filter { line in
            line.range(of: #""occurredAt":""#).map { String(line[$0.upperBound...].prefix(10)) <= dateText } ?? false
        }
        let dated = try Ledger.create(path: dir.file("dated"))
        try importLines(byDate, into: dated, dir: dir, batchSize: 1_000)
        let replayed = try dated.replay()
        #expect(
            try full.councilReport(year: date.year, asOf: .date(date)).json
                == CouncilQuery.run(year: date.year, judgedOn: date, store: replayed.council).json)
        #expect(
            try full.projectReports(asOf: .date(date)).map(\.json)
                == ProjectQuery.run(judgedOn: date, store: replayed.project).map(\.json))
    }

    /// A read model written by another projector version is rebuilt, never mixed with new state.
    @Test func aStaleProjectorVersionIsRebuiltNotMixed() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let ledger = try Ledger.create(path: path)
            try importLines(
                try GeneratedHistory.lines(events: 400, seed: 23, in: dir), into: ledger, dir: dir, batchSize: 100)
            #expect(try ledger.readModelStatus().allSatisfy { $0.state == .upToDate && $0.checkpoint == 400 })
        }
        // As if an older release had written the council model: stamp a different version.
        do {
            let env = try Environment(path: path)
            let council = try env.openDatabase(LedgerSchema.Name.council, create: false)
            try env.write { txn in
                var store = RawProjectionStore(transaction: txn, database: council)
                try ProjectionCheckpoint(sequence: 400, version: CouncilProjector.version + 1).write(to: &store)
                try store.put(Array("Zjunk".utf8), [1, 2, 3])  // state the old version left behind
            }
        }
        let ledger = try Ledger(path: path)
        let council = try #require(try ledger.readModelStatus().first { $0.model == .council })
        #expect(council.state == .needsRebuild)
        _ = try ledger.councilReport(year: 2024)  // a query brings models up to date first
        #expect(try ledger.readModelStatus().allSatisfy { $0.state == .upToDate })
        #expect(try ledger.liveDigests() == ledger.replay().digests())
    }

    /// The live models answer through LMDB's borrowed walk, a replay through the in-memory store:
    /// every tier's answers agree, for every year of the history.
    @Test func liveAnswersEqualAnswersFromAReplay() throws {
        let dir = TemporaryDirectory()
        let ledger = try Ledger.create(path: dir.file("ledger"))
        try importLines(
            try GeneratedHistory.lines(events: 2_000, seed: 29, in: dir), into: ledger, dir: dir, batchSize: 500)
        let replayed = try ledger.replay()
        let today = LocalDate.today
        for year in 2022...2027 {
            let live = try ledger.councilReport(year: year)
            #expect(live.json == (try CouncilQuery.run(year: year, judgedOn: today, store: replayed.council).json))
        }
        #expect(try ledger.councilReport(year: 2024).members.total > 0)
        #expect(
            try ledger.committeeReports().map(\.json)
                == CommitteeQuery.run(judgedOn: today, store: replayed.committee).map(\.json))
        #expect(
            try ledger.projectReports().map(\.json)
                == ProjectQuery.run(judgedOn: today, store: replayed.project).map(\.json))
    }
}

/// A projection store straight over an LMDB database, for tampering with a closed ledger.
private struct RawProjectionStore: ProjectionStore {
    let transaction: Transaction
    let database: Database
    func get(_ key: [UInt8]) throws -> [UInt8]? { try transaction.get(database, key).map { Array($0) } }
    mutating func put(_ key: [UInt8], _ value: [UInt8]) throws { try transaction.put(database, key, value) }
    func forEach(prefix: [UInt8], _ body: ([UInt8], [UInt8]) throws -> Void) throws {}
}
