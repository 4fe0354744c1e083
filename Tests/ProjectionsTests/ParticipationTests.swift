import Domain
import Projections
import Testing

/// "Enterprises participating in year Y" from the council's index of agreements by year:
/// amendments and terminations move agreements out of years, a cut day inside the year
/// excludes agreements not yet started, and an enterprise counts once however many it has.
@Suite("Council: enterprises participating")
struct ParticipationTests {
    let replayer: Replayer

    init() throws {
        let d = EventScript.day
        var s = EventScript()
        // E1: a five-year agreement cut back to mid-2024 by an amendment.
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A1", schoolId: "S1", enterpriseId: "E1", kind: .orderClass, startsOn: d("2023-01-01"),
                    endsOn: d("2027-12-31"))), on: "2022-12-01", by: "S1")
        s.add(.agreementAmended(.init(agreementId: "A1", endsOn: d("2024-06-30"))), on: "2024-01-10", by: "S1")
        // E2: starts in March 2025.
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A2", schoolId: "S1", enterpriseId: "E2", kind: .internship, startsOn: d("2025-03-01"),
                    endsOn: d("2026-12-31"))), on: "2025-01-05", by: "S1")
        // E3: terminated before it started, so never in force.
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A3", schoolId: "S2", enterpriseId: "E3", kind: .coBuild, startsOn: d("2025-05-01"),
                    endsOn: d("2026-04-30"))), on: "2025-01-06", by: "S2")
        s.add(.agreementTerminated(.init(agreementId: "A3", reason: "withdrawn")), on: "2025-04-01", by: "S2")
        // E4: two agreements in force in 2025, and an amendment that extends one into 2026.
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A4", schoolId: "S1", enterpriseId: "E4", kind: .apprenticeship,
                    startsOn: d("2025-01-01"), endsOn: d("2025-06-30"))), on: "2024-12-01", by: "S1")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A5", schoolId: "S2", enterpriseId: "E4", kind: .techService,
                    startsOn: d("2025-02-01"), endsOn: d("2025-12-31"))), on: "2025-01-07", by: "S2")
        s.add(.agreementAmended(.init(agreementId: "A4", endsOn: d("2026-02-28"))), on: "2025-06-01", by: "S1")
        replayer = try replayAll(s.events)
    }

    private func participating(_ year: Int, judgedOn day: String) throws -> Int {
        try CouncilQuery.run(year: year, judgedOn: EventScript.day(day), store: replayer.council)
            .enterprisesParticipating
    }

    @Test func amendmentsAndTerminationsMoveAgreementsOutOfYears() throws {
        #expect(try participating(2023, judgedOn: "2027-01-01") == 1)  // E1
        #expect(try participating(2024, judgedOn: "2027-01-01") == 1)  // E1 until June
        #expect(try participating(2025, judgedOn: "2027-01-01") == 2)  // E2, E4 (twice); E1 cut back, E3 never
        #expect(try participating(2026, judgedOn: "2027-01-01") == 2)  // E2, and E4 by the extension
        #expect(try participating(2027, judgedOn: "2028-01-01") == 0)  // E1's original end no longer counts
    }

    @Test func aCutDayInsideTheYearLeavesOutAgreementsNotYetStarted() throws {
        #expect(try participating(2025, judgedOn: "2025-01-15") == 1)  // only E4's first
        #expect(try participating(2025, judgedOn: "2025-03-01") == 2)  // E2 from its first day
        #expect(try participating(2025, judgedOn: "2024-12-31") == 0)  // judged before the year began
    }
}
