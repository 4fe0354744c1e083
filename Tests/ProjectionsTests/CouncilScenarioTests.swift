import Domain
import Projections
import Testing

@Suite("Council read model")
struct CouncilScenarioTests {
    let replayer: Replayer

    init() throws {
        replayer = try replayAll(CityScenario.events)
    }

    @Test func countsEveryCouncilFigureForTheYear() throws {
        let report = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)

        #expect(report.members.total == 8)
        #expect(report.members.active == 7)  // R1 withdrew in June
        #expect(report.members.byKind == [.government: 1, .association: 1, .enterprise: 3, .school: 2])
        #expect(report.enterprisesParticipating == 2)  // E1 and E2; E3 signed nothing
        #expect(report.certifiedEnterprises == 1)
        #expect(report.apprenticesEnrolled == 4)  // p5 enrols in 2026
        #expect(report.apprenticesGraduated == 3)
        #expect(report.graduatesHired == 3)  // p4's second hire is not a second person
        #expect(report.graduatesRetainedLocally == 2)
        #expect(report.trainingPersonTimes == 200)  // the 2026 training does not count
        #expect(report.techServices == 2)
        #expect(report.techServiceValueFen == 2_300_000)
        #expect(report.orderClassPlaces == 50)
        #expect(report.orderClassFilled == 5)  // including p5, enrolled in a 2025 class in 2026
        #expect(report.platforms.total == 2)
        #expect(report.platforms.byKind == [.industryCollege: 1, .lab: 1])
        #expect(report.platforms.accepted == 1)
        #expect(report.inactiveMembers == ["ASSOC", "E3"])
    }

    @Test func keepsSubsidyMoneyGrossPerProgramme() throws {
        let report = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)

        let apprenticeship = report.subsidy(.apprenticeship)
        #expect(apprenticeship.budgetFen == 10_000_000)  // the 2026 budget allocated in December is 2026's
        #expect(apprenticeship.appliedFen == 1_300_000)
        #expect(apprenticeship.approvedFen == 1_050_000)  // K5 approved in 2026
        #expect(apprenticeship.paidFen == 825_000)  // claw-back not netted
        #expect(apprenticeship.clawedBackFen == 225_000)
        let employment = report.subsidy(.employment)
        #expect(
            employment
                == .init(
                    budgetFen: 5_000_000, appliedFen: 200_000, approvedFen: 200_000, paidFen: 200_000, clawedBackFen: 0)
        )
        #expect(
            report.subsidy(.startup) == .init(budgetFen: 0, appliedFen: 0, approvedFen: 0, paidFen: 0, clawedBackFen: 0)
        )

        let next = try CouncilQuery.run(year: 2026, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)
        #expect(
            next.subsidy(.apprenticeship)
                == .init(budgetFen: 12_000_000, appliedFen: 0, approvedFen: 100_000, paidFen: 100_000, clawedBackFen: 0)
        )
    }

    @Test func comparesTargetsWithTheSameNamedFigure() throws {
        let report = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)

        #expect(
            report.kpis == [
                .init(metric: .apprenticesEnrolled, memberId: nil, target: 5, actual: 4),
                .init(metric: .graduatesHired, memberId: nil, target: 3, actual: 3),
                // S1's own tech services (1,500,000), not the consortium's 2,300,000.
                .init(metric: .techServiceValueFen, memberId: "S1", target: 1_000_000, actual: 1_500_000),
            ])
    }

    @Test func judgesStocksOnTheLastDayOfAnEarlierYear() throws {
        let report = try CouncilQuery.run(year: 2024, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)

        #expect(report.members.total == 1)
        #expect(report.members.byKind == [.government: 1])
        #expect(report.inactiveMembers.isEmpty)  // GOV chartered the consortium in 2024
        #expect(report.enterprisesParticipating == 0)
        #expect(report.apprenticesEnrolled == 0)
        #expect(report.platforms.total == 0)
        #expect(report.kpis.isEmpty)
    }

    @Test func writesDomainKeysInJSONAndCSV() throws {
        let report = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)
        let json = report.json

        #expect(json["members"]?["byKind"]?["enterprise"] == 3)
        #expect(json["members"]?["active"] == 7)
        #expect(json["subsidies"]?["apprenticeship"]?["paidFen"] == 825_000)
        #expect(json["subsidies"]?["apprenticeship"]?["clawedBackFen"] == 225_000)
        #expect(json["kpis"]?.arrayValue?.first == ["metric": "apprenticesEnrolled", "target": 5, "actual": 4])
        #expect(json["inactiveMembers"] == ["ASSOC", "E3"])
        for key in [
            "enterprisesParticipating", "certifiedEnterprises", "apprenticesEnrolled", "apprenticesGraduated",
            "graduatesHired", "graduatesRetainedLocally", "trainingPersonTimes", "techServices", "techServiceValueFen",
            "orderClassPlaces", "orderClassFilled", "platforms", "subsidies", "kpis", "inactiveMembers", "members",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }

        let csv = ReportRows.csv([report])
        let row = Dictionary(uniqueKeysWithValues: zip(csv[0], csv[1]))
        #expect(row["subsidies.apprenticeship.paidFen"] == "825000")
        #expect(row["members.byKind.school"] == "2")
        #expect(row["kpis.techServiceValueFen@S1.actual"] == "1500000")
        #expect(row["inactiveMembers"] == "ASSOC;E3")
        let table = ReportRows.table([report])
        let shown = Dictionary(uniqueKeysWithValues: zip(table[0], table[1]))
        #expect(shown["subsidies.apprenticeship.paidFen"] == "8250.00")
        #expect(shown["techServiceValueFen"] == "23000.00")
    }
}
