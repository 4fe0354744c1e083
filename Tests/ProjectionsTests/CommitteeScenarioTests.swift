import Domain
import Projections
import Testing

@Suite("School–enterprise committee read model")
struct CommitteeScenarioTests {
    let replayer: Replayer

    init() throws {
        replayer = try replayAll(CityScenario.events)
    }

    func pairs(school: String? = nil, enterprise: String? = nil, on day: String) throws -> [CommitteePairReport] {
        try CommitteeQuery.run(
            school: school, enterprise: enterprise, judgedOn: EventScript.day(day), store: replayer.committee)
    }

    @Test func countsEveryFigureOfAnOrderClassPair() throws {
        let reports = try pairs(school: "S1", enterprise: "E1", on: "2025-12-31")
        #expect(reports.count == 1)
        let pair = try #require(reports.first)

        #expect(pair.schoolId == "S1" && pair.enterpriseId == "E1")
        #expect(pair.agreementsActive == 1)
        #expect(pair.agreementsExpiringWithin90Days == 1)  // AG1 ends 2026-01-31
        #expect(pair.classes == .init(capacity: 30, enrolled: 3))
        #expect(
            pair.apprenticesByStage
                == .init(enrolled: 3, placed: 2, assessed: 2, certified: 1, graduated: 2, hired: 2, withdrawn: 0))
        #expect(pair.dualMentorCoverage == 1.0 / 3.0)  // only p1 has both mentors
        #expect(pair.passRate == 1.0)  // p1 pass, p2 fail then pass: both apprentices passed in the end
        #expect(pair.assessments == 3 && pair.assessmentsPassed == 2)
        #expect(pair.hires == 2)
        #expect(pair.hiresLocal == 1)  // p2 was hired by E2, not locally
        #expect(pair.subsidiesPaidFen == 700_000)  // K1 in two payments + K5 in 2026
    }

    @Test func countsEveryFigureOfAnApprenticeshipPair() throws {
        let pair = try #require(try pairs(school: "S1", enterprise: "E2", on: "2025-12-31").first)

        #expect(pair.agreementsActive == 1)
        #expect(pair.agreementsExpiringWithin90Days == 0)
        #expect(pair.classes == .init(capacity: 20, enrolled: 2))
        #expect(
            pair.apprenticesByStage
                == .init(enrolled: 2, placed: 1, assessed: 2, certified: 1, graduated: 1, hired: 1, withdrawn: 1))
        #expect(pair.dualMentorCoverage == 1.0)
        #expect(pair.passRate == 0.5)
        #expect(pair.assessments == 2 && pair.assessmentsPassed == 1)
        #expect(pair.hires == 1)  // p4, hired twice
        #expect(pair.hiresLocal == 1)
        #expect(pair.subsidiesPaidFen == 425_000)  // K2 paid (clawed back, still gross) + K3
    }

    @Test func judgesAgreementsOnTheDayAsked() throws {
        // AG3 (S2–E1) was extended from June to 30 September; AG4 (S2–E2) terminated 1 October.
        let june = try pairs(school: "S2", on: "2025-06-15")
        #expect(june.map(\.enterpriseId) == ["E1", "E2"])
        #expect(june[0].agreementsActive == 1 && june[0].agreementsExpiringWithin90Days == 0)
        #expect(june[1].agreementsActive == 1 && june[1].agreementsExpiringWithin90Days == 0)

        let july = try pairs(school: "S2", enterprise: "E1", on: "2025-07-15")
        #expect(july.first?.agreementsExpiringWithin90Days == 1)

        let december = try pairs(school: "S2", on: "2025-12-31")
        #expect(december.map(\.agreementsActive) == [0, 0])
        let empty = try #require(december.first)
        #expect(empty.classes == .init(capacity: 0, enrolled: 0))
        #expect(empty.dualMentorCoverage == nil && empty.passRate == nil)
        #expect(empty.json["passRate"] == .null)
    }

    @Test func filtersByEitherSideAndOrdersBySchoolThenEnterprise() throws {
        #expect(
            try pairs(on: "2025-12-31").map { "\($0.schoolId)-\($0.enterpriseId)" } == [
                "S1-E1", "S1-E2", "S2-E1", "S2-E2",
            ])
        #expect(try pairs(enterprise: "E2", on: "2025-12-31").map(\.schoolId) == ["S1", "S2"])
        #expect(try pairs(school: "S9", on: "2025-12-31").isEmpty)
    }

    @Test func writesDomainKeysInJSONAndCSV() throws {
        let reports = try pairs(on: "2025-12-31")
        let json = try #require(reports.first?.json)
        #expect(json["classes"] == ["capacity": 30, "enrolled": 3])
        #expect(json["apprenticesByStage"]?["hired"] == 2)
        #expect(json["subsidiesPaidFen"] == 700_000)
        for key in [
            "agreementsActive", "agreementsExpiringWithin90Days", "dualMentorCoverage", "passRate", "assessments",
            "assessmentsPassed", "hires", "hiresLocal",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }

        let csv = ReportRows.csv(reports)
        #expect(csv.count == 5)
        #expect(csv[0].contains("apprenticesByStage.withdrawn"))
        #expect(ReportRows.csv([CommitteePairReport]())[0] == csv[0])
        let table = ReportRows.table(reports)
        let column = try #require(table[0].firstIndex(of: "subsidiesPaidFen"))
        #expect(table[1][column] == "7000.00")
        #expect(table[1][try #require(table[0].firstIndex(of: "passRate"))] == "100.0%")
        #expect(table[1][try #require(table[0].firstIndex(of: "assessments"))] == "3")
        #expect(csv[0].contains("assessmentsPassed"))
    }
}
