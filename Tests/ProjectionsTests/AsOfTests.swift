import Domain
import Projections
import Testing

@Suite("As-of cut-offs")
struct AsOfTests {
    let events = CityScenario.events

    @Test(arguments: ["2025-01-31", "2025-05-09", "2025-05-10", "2025-07-01", "2025-12-31", "2026-01-10"])
    func dateCutOffMatchesAReplayOfWhatHadOccurred(day: String) throws {
        let date = EventScript.day(day)
        let cut = try Replayer.replaying(events, cutoff: .occurredOnOrBefore(date))
        let only = try Replayer.replaying(events.filter { $0.1.occurredOn <= date })
        #expect(try cut.digests() == only.digests())
        #expect(
            try CouncilQuery.run(year: 2025, judgedOn: date, store: cut.council)
                == CouncilQuery.run(year: 2025, judgedOn: date, store: only.council))
    }

    @Test(arguments: [0, 1, 20, 60, 101])
    func sequenceCutOffMatchesAReplayOfWhatWasRecorded(sequence: Int) throws {
        let cut = try Replayer.replaying(events, cutoff: .sequenceAtMost(UInt64(sequence)))
        let prefix = try Replayer.replaying(events.prefix(sequence))
        #expect(try cut.digests() == prefix.digests())
        #expect(cut.lastSequence == UInt64(min(sequence, events.count)))
    }

    @Test func businessTimeIncludesALateRecordedEventThatLedgerTimeDoesNot() throws {
        let date = EventScript.day("2025-05-31")
        let lastButOne = UInt64(events.count - 1)
        let byDate = try Replayer.replaying(events, cutoff: .occurredOnOrBefore(date))
        let bySequence = try Replayer.replaying(events, cutoff: .sequenceAtMost(lastButOne))
        // S2's training of 10 May was recorded last.
        #expect(try CouncilQuery.run(year: 2025, judgedOn: date, store: byDate.council).trainingPersonTimes == 200)
        #expect(try CouncilQuery.run(year: 2025, judgedOn: date, store: bySequence.council).trainingPersonTimes == 120)
    }

    @Test func judgesAMidYearDateOnThatDate() throws {
        let date = EventScript.day("2025-07-01")
        let replayer = try Replayer.replaying(events, cutoff: .occurredOnOrBefore(date))
        let council = try CouncilQuery.run(year: 2025, judgedOn: date, store: replayer.council)
        #expect(council.members.active == 7)  // R1 withdrew on 1 June
        let may = EventScript.day("2025-05-31")
        let beforeWithdrawal = try Replayer.replaying(events, cutoff: .occurredOnOrBefore(may))
        #expect(try CouncilQuery.run(year: 2025, judgedOn: may, store: beforeWithdrawal.council).members.active == 8)
        #expect(council.apprenticesGraduated == 2)  // p1 and p2 on 1 July; p4 in September
        #expect(council.platforms.accepted == 0)
        #expect(council.subsidy(.apprenticeship).paidFen == 825_000)
        #expect(council.subsidy(.apprenticeship).clawedBackFen == 0)
        let project = try #require(try ProjectQuery.run(id: "P1", judgedOn: date, store: replayer.project).first)
        #expect(project.milestones == .init(planned: 3, reached: 1, overdue: 0))
        #expect(!project.accepted)
    }
}
