import ConsortiumLedger
import Domain
import Projections

/// The three tier read models folded from exactly the events the sink has written (or is
/// writing in the current transaction), so the tier tables always answer for the rows in
/// `consortium_events`.
struct TierFold: Sendable {
    private var replayer = Replayer()
    /// The first and last business years with an event.
    private(set) var years: ClosedRange<Int>?

    mutating func apply(_ record: SinkRecord) throws {
        try replayer.apply(record.event, record.context)
        let year = record.context.year
        if let known = years {
            if !known.contains(year) { years = min(known.lowerBound, year)...max(known.upperBound, year) }
        } else {
            years = year...year
        }
    }

    /// Every tier report, judged on `day`: a council row for every year from the first event's
    /// to the later of the last event's and the judging day's (a consortium with a quiet
    /// year still has members, platforms and inactive members that year).
    mutating func reports(judgedOn day: LocalDate) throws -> TierReports {
        replayer.council.sortIndex()
        replayer.committee.sortIndex()
        replayer.project.sortIndex()
        var council: [CouncilReport] = []
        if let years {
            for year in years.lowerBound...max(years.upperBound, day.year) {
                council.append(try CouncilQuery.run(year: year, judgedOn: day, store: replayer.council))
            }
        }
        return TierReports(
            council: council,
            committee: try CommitteeQuery.run(judgedOn: day, store: replayer.committee),
            project: try ProjectQuery.run(judgedOn: day, store: replayer.project))
    }
}

struct TierReports: Sendable {
    var council: [CouncilReport]
    var committee: [CommitteePairReport]
    var project: [ProjectReport]
}
