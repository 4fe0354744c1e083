import Domain
import Projections
import Testing

/// 考核通过率 counts apprentices by their latest assessment, not sittings (docs/DOMAIN.md, Committee).
@Suite struct PassRateTests {
    /// One pair S–E, class C; a: fail then pass; b: pass then fail; c: fail, fail, pass;
    /// d: pass; e: fail; f: enrolled, never assessed. Worked by hand: assessed 5 (a–e), latest
    /// passed a, c, d = 3 → 0.6; sittings 2+2+3+1+1 = 9, passed 1+1+1+1+0 = 4.
    static var events: [(DomainEvent, EventContext)] {
        var s = EventScript()
        s.add(
            .consortiumChartered(.init(consortiumId: "X", name: "X", region: "X", leadMemberId: "G")), on: "2025-01-01",
            by: "G")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "A", schoolId: "S", enterpriseId: "E", kind: .orderClass,
                    startsOn: EventScript.day("2025-01-01"), endsOn: EventScript.day("2027-12-31"))), on: "2025-01-02",
            by: "S")
        s.add(
            .orderClassOpened(.init(classId: "C", agreementId: "A", major: "m", capacity: 10, intakeYear: 2025)),
            on: "2025-01-03", by: "S")
        for person in ["a", "b", "c", "d", "e", "f"] {
            s.add(
                .apprenticeEnrolled(.init(personId: person, classId: "C", enrolledOn: EventScript.day("2025-02-01"))),
                on: "2025-02-01", by: "S")
        }
        let results: [(String, [Bool])] = [
            ("a", [false, true]), ("b", [true, false]), ("c", [false, false, true]), ("d", [true]), ("e", [false]),
        ]
        for (person, sittings) in results {
            for (index, passed) in sittings.enumerated() {
                s.add(
                    .apprenticeAssessed(.init(personId: person, assessment: "sitting \(index + 1)", passed: passed)),
                    on: "2025-0\(index + 3)-01", by: "S")
            }
        }
        return s.events
    }

    @Test func retakesCountTheApprenticeOnceByTheLatestResult() throws {
        let replayer = try replayAll(Self.events)
        let pair = try #require(
            try CommitteeQuery.run(
                school: "S", enterprise: "E", judgedOn: EventScript.day("2025-12-31"), store: replayer.committee
            ).first)
        #expect(pair.apprenticesByStage.assessed == 5)
        #expect(pair.passRate == 0.6)
        #expect(pair.assessments == 9)
        #expect(pair.assessmentsPassed == 4)
        #expect(pair.json["passRate"] == .double(0.6))
        #expect(pair.json["assessments"] == 9 && pair.json["assessmentsPassed"] == 4)
    }

    @Test func asOfBeforeTheRetakesSeesTheFirstResults() throws {
        // By 2025-03-31 only first sittings: a fail, b pass, c fail, d pass, e fail → 2 of 5.
        let cut = Self.events.filter { $0.1.occurredOn <= EventScript.day("2025-03-31") }
        let replayer = try replayAll(cut)
        let pair = try #require(
            try CommitteeQuery.run(
                school: "S", enterprise: "E", judgedOn: EventScript.day("2025-03-31"), store: replayer.committee
            ).first)
        #expect(pair.passRate == 0.4)
        #expect(pair.assessments == 5 && pair.assessmentsPassed == 2)
    }
}
