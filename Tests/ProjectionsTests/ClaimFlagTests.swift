import Domain
import Projections
import Testing

/// Each 骗补 check raised on a planted claim and not on its clean twin (docs/DOMAIN.md, Claims).
///
/// The base history: school S and enterprise E with agreement A (2025–2027) and class C; apprentice
/// `a` enrolled 2025-03-01, placed at E 2025-04-01…2025-06-30, graduates 2025-07-01 and is hired by
/// E; apprentice `w` enrolled 2025-03-01 and withdraws 2025-05-15. Enterprise X has no agreement.
@Suite struct ClaimFlagTests {
    static func base() -> EventScript {
        let d = EventScript.day
        var s = EventScript()
        s.add(
            .consortiumChartered(.init(consortiumId: "X", name: "X", region: "X", leadMemberId: "G")), on: "2025-01-01",
            by: "G")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A", schoolId: "S", enterpriseId: "E", kind: .apprenticeship,
                    startsOn: d("2025-01-01"), endsOn: d("2027-12-31"))), on: "2025-01-02", by: "S")
        s.add(
            .orderClassOpened(.init(classId: "C", agreementId: "A", major: "m", capacity: 10, intakeYear: 2025)),
            on: "2025-01-03", by: "S")
        s.add(
            .apprenticeEnrolled(.init(personId: "a", classId: "C", enrolledOn: d("2025-03-01"))), on: "2025-03-01",
            by: "S")
        s.add(
            .apprenticeEnrolled(.init(personId: "w", classId: "C", enrolledOn: d("2025-03-01"))), on: "2025-03-01",
            by: "S")
        s.add(
            .internshipPlaced(
                .init(personId: "a", enterpriseId: "E", startsOn: d("2025-04-01"), endsOn: d("2025-06-30"))),
            on: "2025-04-01", by: "E")
        s.add(.apprenticeWithdrawn(.init(personId: "w", reason: "r")), on: "2025-05-15", by: "S")
        s.add(.apprenticeGraduated(.init(personId: "a")), on: "2025-07-01", by: "S")
        s.add(.graduateHired(.init(personId: "a", enterpriseId: "E", local: true)), on: "2025-07-15", by: "E")
        return s
    }

    static func apply(
        _ s: inout EventScript, _ id: String, _ programme: SubsidyProgramme, by applicant: String, for person: String?,
        period: String, on day: String = "2025-08-01"
    ) {
        s.add(
            .subsidyApplied(
                .init(
                    claimId: id, budgetId: "B", programme: programme, applicantId: applicant, personId: person,
                    period: period, amountFen: 100_000)), on: day, by: applicant)
    }

    /// The flags of `planted` and of `clean` after the base history plus `extra`.
    static func flags(_ extra: (inout EventScript) -> Void, planted: String, clean: String) throws -> (
        planted: [String], clean: [String]
    ) {
        var s = base()
        extra(&s)
        let store = try replayAll(s.events).claims
        let reports = try ClaimsQuery.run(store: store)
        func codes(_ id: String) -> [String] {
            reports.first { $0.claimId == id }?.flags.map(\.code.rawValue) ?? ["missing claim \(id)"]
        }
        return (codes(planted), codes(clean))
    }

    @Test func noEnrolment() throws {
        let result = try Self.flags(
            { s in
                // X has no agreement with a's class
                Self.apply(&s, "P", .apprenticeship, by: "X", for: "a", period: "2025")
                Self.apply(&s, "K", .apprenticeship, by: "E", for: "a", period: "2025")
            }, planted: "P", clean: "K")
        #expect(result.planted == ["no-enrolment"])
        #expect(result.clean == [])
        // Enrolled by the applicant's agreement, but not during the period: flagged too.
        let late = try Self.flags(
            { s in
                Self.apply(&s, "P", .apprenticeship, by: "S", for: "a", period: "2024")
                Self.apply(&s, "K", .apprenticeship, by: "S", for: "a", period: "2025-H1")
            }, planted: "P", clean: "K")
        #expect(late.planted == ["no-enrolment"] && late.clean == [])
    }

    @Test func noPlacement() throws {
        let result = try Self.flags(
            { s in
                Self.apply(&s, "P", .internship, by: "E", for: "a", period: "2025-03")  // placed only from April
                Self.apply(&s, "K", .internship, by: "E", for: "a", period: "2025-Q2")
            }, planted: "P", clean: "K")
        #expect(result.planted == ["no-placement"])
        #expect(result.clean == [])
    }

    @Test func notHired() throws {
        let result = try Self.flags(
            { s in
                Self.apply(&s, "P", .employment, by: "S", for: "a", period: "2025")  // hired by E, not S
                Self.apply(&s, "K", .employment, by: "E", for: "a", period: "2025")
            }, planted: "P", clean: "K")
        #expect(result.planted == ["not-hired"])
        #expect(result.clean == [])
    }

    @Test func withdrawn() throws {
        let result = try Self.flags(
            { s in
                Self.apply(&s, "P", .skillsAward, by: "S", for: "w", period: "2025-06")  // w withdrew on 2025-05-15
                Self.apply(&s, "K", .skillsAward, by: "S", for: "w", period: "2025-05")
            }, planted: "P", clean: "K")
        #expect(result.planted == ["withdrawn"])
        #expect(result.clean == [])
    }

    @Test func paidAfterWithdrawal() throws {
        let result = try Self.flags(
            { s in
                Self.apply(&s, "P", .skillsAward, by: "S", for: "w", period: "2025-04", on: "2025-04-20")
                Self.apply(&s, "K", .skillsAward, by: "S", for: "w", period: "2025-03", on: "2025-04-20")
                s.add(
                    .subsidyApproved(.init(claimId: "P", approverId: "G", amountFen: 100_000)), on: "2025-05-01",
                    by: "G")
                s.add(
                    .subsidyApproved(.init(claimId: "K", approverId: "G", amountFen: 100_000)), on: "2025-05-01",
                    by: "G")
                s.add(.subsidyPaid(.init(claimId: "K", amountFen: 100_000)), on: "2025-05-10", by: "G")
                s.add(.subsidyPaid(.init(claimId: "P", amountFen: 50_000)), on: "2025-05-10", by: "G")
                // after 2025-05-15
                s.add(.subsidyPaid(.init(claimId: "P", amountFen: 50_000)), on: "2025-06-10", by: "G")
            }, planted: "P", clean: "K")
        #expect(result.planted == ["paid-after-withdrawal"])
        #expect(result.clean == [])
    }

    @Test func duplicatePersonPeriod() throws {
        let result = try Self.flags(
            { s in
                Self.apply(&s, "P1", .apprenticeship, by: "E", for: "a", period: "2025")
                Self.apply(&s, "P2", .employment, by: "E", for: "a", period: "2025")
                Self.apply(&s, "K", .skillsAward, by: "S", for: "a", period: "2025")  // another applicant: clean
            }, planted: "P2", clean: "K")
        #expect(result.planted == ["duplicate-person-period"])
        #expect(result.clean == [])
    }

    @Test func filtersAndOutputForms() throws {
        var s = Self.base()
        Self.apply(&s, "P", .apprenticeship, by: "X", for: "a", period: "2025")
        Self.apply(&s, "K", .apprenticeship, by: "E", for: "a", period: "2025")
        Self.apply(&s, "N", .employment, by: "E", for: "a", period: "2025-H2")
        let store = try replayAll(s.events).claims
        #expect(try ClaimsQuery.run(.init(flaggedOnly: true), store: store).map(\.claimId) == ["P"])
        #expect(try ClaimsQuery.run(.init(programme: .employment), store: store).map(\.claimId) == ["N"])
        #expect(try ClaimsQuery.run(.init(applicantId: "E"), store: store).map(\.claimId) == ["K", "N"])
        let planted = try #require(try ClaimsQuery.run(.init(flaggedOnly: true), store: store).first)
        #expect(planted.json["flags"]?.arrayValue?.first?["code"] == "no-enrolment")
        #expect(planted.json["appliedFen"] == 100_000)
        let csv = ReportRows.csv([planted])
        #expect(csv[0] == ClaimReport.columnNames)
        #expect(csv[1][try #require(csv[0].firstIndex(of: "flags"))] == "no-enrolment")
        #expect(ReportRows.table([planted])[1][try #require(csv[0].firstIndex(of: "appliedFen"))] == "1000.00")
    }
}
