import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Projections
import Testing

/// The property behind `--as-of`: an answer from the nearest snapshot plus the events in
/// between equals the answer of a replay from the first event, for every tier, on histories
/// with backdated events, at random dates and sequences.
@Suite("Read-model snapshots answer as-of queries exactly")
struct SnapshotEquivalenceTests {
    private func compare(_ ledger: Ledger, asOf: AsOf, years: [Int]) throws {
        let cutoff: ReplayCutoff
        let judgedOn: LocalDate
        switch asOf {
        case .date(let date): (cutoff, judgedOn) = (.occurredOnOrBefore(date), date)
        case .sequence(let sequence): (cutoff, judgedOn) = (.sequenceAtMost(sequence), .today)
        }
        let replayed = try ledger.replay(cutoff: cutoff)
        for year in years {
            #expect(
                try ledger.councilReport(year: year, asOf: asOf).json
                    == CouncilQuery.run(year: year, judgedOn: judgedOn, store: replayed.council).json,
                "council \(year) as of \(asOf)")
        }
        #expect(
            try ledger.committeeReports(asOf: asOf).map(\.json)
                == CommitteeQuery.run(judgedOn: judgedOn, store: replayed.committee).map(\.json),
            "committee as of \(asOf)")
        #expect(
            try ledger.projectReports(asOf: asOf).map(\.json)
                == ProjectQuery.run(judgedOn: judgedOn, store: replayed.project).map(\.json), "project as of \(asOf)")
    }

    @Test(arguments: [(UInt64(31), 900), (UInt64(32), 1_400)])
    func snapshotAnswersEqualReplayFromZero(seed: UInt64, events: Int) throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: events, seed: Int(seed), in: dir)
        let history = try SnapshotHistory(path: dir.file("ledger"), lines: lines, interval: 97, seed: seed)
        let ledger = history.ledger
        let status = try ledger.snapshotStatus()
        // The property is only worth something if snapshots and backdated events are there.
        #expect(history.backdated > 5)
        #expect(status.lateEvents > 5)
        #expect(status.count > 8)
        #expect(status.monthEnds > 2)

        var random = SeededRandom(seed: seed &* 7919)
        let dates = history.dates.sorted()
        let first = try #require(dates.first)
        let last = try #require(dates.last)
        let years = Array(Set(dates.map(\.year))).sorted()
        var asked: [AsOf] = [.date(first.adding(days: -1)), .date(last), .date(last.adding(days: 40)), .sequence(0)]
        asked.append(.sequence(status.lastPosition ?? 1))
        asked.append(.sequence(UInt64(lines.count) + 50))
        // Month ends (where snapshots stand) and random days in between.
        for month in 0..<4 {
            let day = first.adding(days: 30 * (month + 1))
            if let end = LocalDate(year: day.year, month: day.month, day: 1)?.adding(days: -1) {
                asked.append(.date(end))
            }
        }
        for _ in 0..<8 {
            asked.append(.date(first.adding(days: Int.random(in: 0...(last.days(since: first)), using: &random))))
            asked.append(.sequence(UInt64.random(in: 1...(try ledger.eventCount()), using: &random)))
        }
        for asOf in asked { try compare(ledger, asOf: asOf, years: years) }

        // The same after every snapshot is dropped and written again from zero.
        try ledger.rebuildSnapshots()
        #expect(try ledger.snapshotStatus().count == status.count)
        try compare(ledger, asOf: asked[asked.count - 1], years: years)
        try compare(ledger, asOf: asked[asked.count - 2], years: years)
    }

    /// With month-end snapshots only (the interval beyond the history), answers fold many events
    /// after a snapshot and the not yet indexed tail, and are exact too.
    @Test func answersWithMonthEndSnapshotsOnly() throws {
        let dir = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 600, seed: 33, in: dir)
        let history = try SnapshotHistory(path: dir.file("ledger"), lines: lines, interval: 1_000_000, seed: 33)
        let dates = history.dates.sorted()
        let years = Array(Set(dates.map(\.year))).sorted()
        let middle = dates[dates.count / 2]
        try compare(history.ledger, asOf: .date(middle), years: years)
        try compare(history.ledger, asOf: .sequence(333), years: years)
    }
}
