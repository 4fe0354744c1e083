import Domain
import Projections
import Testing

@Suite("Project-management read model")
struct ProjectScenarioTests {
    let replayer: Replayer

    init() throws {
        replayer = try replayAll(CityScenario.events)
    }

    @Test func countsEveryFigureOfAProjectWithAnOverdueMilestone() throws {
        let reports = try ProjectQuery.run(id: "P1", judgedOn: EventScript.day("2025-12-31"), store: replayer.project)
        let project = try #require(reports.first)

        #expect(project.title == "产业学院一期")
        #expect(project.platformId == "X1")
        #expect(project.milestones == .init(planned: 3, reached: 1, overdue: 1))  // ms2 was due 31 October
        #expect(project.budgetFen == 30_000_000)
        #expect(project.contributionsFen == 15_000_000)
        #expect(project.spentFen == 5_000_000)  // equipment and staff; the cash is not yet spent
        #expect(project.accepted)
        #expect(!project.closed)
    }

    @Test func countsAClosedProjectWithoutPlatform() throws {
        let project = try #require(
            try ProjectQuery.run(id: "P2", judgedOn: EventScript.day("2025-12-31"), store: replayer.project).first)

        #expect(project.platformId == nil)
        #expect(project.milestones == .init(planned: 1, reached: 1, overdue: 0))  // reached late is reached
        #expect(project.budgetFen == 5_000_000)
        #expect(project.contributionsFen == 0 && project.spentFen == 0)
        #expect(!project.accepted)
        #expect(project.closed)
    }

    @Test func judgesOverdueOnTheDayAsked() throws {
        let early = try #require(
            try ProjectQuery.run(id: "P1", judgedOn: EventScript.day("2025-07-01"), store: replayer.project).first)
        #expect(early.milestones.overdue == 0)
        let late = try #require(
            try ProjectQuery.run(id: "P1", judgedOn: EventScript.day("2026-04-01"), store: replayer.project).first)
        #expect(late.milestones.overdue == 2)
    }

    @Test func listsAllProjectsInIdOrderAndNothingForAnUnknownId() throws {
        let all = try ProjectQuery.run(judgedOn: EventScript.day("2025-12-31"), store: replayer.project)
        #expect(all.map(\.projectId) == ["P1", "P2"])
        #expect(
            try ProjectQuery.run(id: "P9", judgedOn: EventScript.day("2025-12-31"), store: replayer.project).isEmpty)
    }

    @Test func writesDomainKeysInJSONAndCSV() throws {
        let all = try ProjectQuery.run(judgedOn: EventScript.day("2025-12-31"), store: replayer.project)
        let json = all[0].json
        #expect(json["milestones"] == ["planned": 3, "reached": 1, "overdue": 1])
        #expect(json["budgetFen"] == 30_000_000)
        #expect(json["contributionsFen"] == 15_000_000)
        #expect(json["spentFen"] == 5_000_000)
        #expect(json["accepted"] == true)
        #expect(json["closed"] == false)

        let csv = ReportRows.csv(all)
        #expect(csv[0] == ProjectReport.columnNames)
        #expect(
            Array(csv[0].prefix(6)) == [
                "projectId", "title", "platformId", "milestones.planned", "milestones.reached", "milestones.overdue",
            ])
        #expect(csv[2][2] == "")  // P2 has no platform
        let table = ReportRows.table(all)
        #expect(table[1][try #require(table[0].firstIndex(of: "budgetFen"))] == "300000.00")
        #expect(ReportRows.csvText([["a,b", "say \"hi\""]]) == "\"a,b\",\"say \"\"hi\"\"\"\r\n")
    }
}
