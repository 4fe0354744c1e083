import Foundation
import LedgerTesting
import Testing

@Suite("ledger query")
struct QueryCLITests {
    private func imported(events: Int = 2_000) throws -> CLIFixture {
        let cli = try CLIFixture().initialised()
        let result = try cli.ledger(["import", try GeneratedHistory.write(events: events, seed: 35, in: cli.dir)])
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    @Test(arguments: ["council --year 2023", "committee", "project"])
    func everyTierAnswersInTableJSONAndCSV(query: String) throws {
        let cli = try imported()
        let args = ["query"] + query.split(separator: " ").map(String.init)
        let json = try cli.ledger(args + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        let csv = try cli.ledger(args + ["--format", "csv"])
        let table = try cli.ledger(args + ["--format", "table"])
        #expect(csv.status == 0 && table.status == 0)
        let csvLines = csv.stdout.split(whereSeparator: \.isNewline)
        let header = try #require(csvLines.first)
        switch query {
        case "committee":
            let pairs = try #require(parsed as? [[String: Any]])
            #expect(!pairs.isEmpty)
            for key in [
                "agreementsActive", "agreementsExpiringWithin90Days", "classes", "apprenticesByStage",
                "dualMentorCoverage", "passRate", "hires", "hiresLocal", "subsidiesPaidFen",
            ] {
                #expect(pairs[0][key] != nil, "missing \(key)")
            }
            #expect(header.contains("subsidiesPaidFen"))
            #expect(csvLines.count == pairs.count + 1)
        case "project":
            let projects = try #require(parsed as? [[String: Any]])
            for key in ["milestones", "budgetFen", "contributionsFen", "spentFen", "accepted", "closed"] {
                #expect(projects.first?[key] != nil, "missing \(key)")
            }
        default:
            let council = try #require(parsed as? [String: Any])
            for key in [
                "members", "enterprisesParticipating", "certifiedEnterprises", "apprenticesEnrolled",
                "apprenticesGraduated", "graduatesHired", "graduatesRetainedLocally", "trainingPersonTimes",
                "techServices", "techServiceValueFen", "orderClassPlaces", "orderClassFilled", "platforms",
                "subsidies", "kpis", "inactiveMembers",
            ] {
                #expect(council[key] != nil, "missing \(key)")
            }
            #expect((council["apprenticesEnrolled"] as? Int ?? 0) > 0)
            // Tables show money in yuan; JSON in fen.
            #expect(table.stdout.contains("techServiceValue (¥)"))
        }
    }

    @Test func asOfSequenceAndDateAreAccepted() throws {
        let cli = try imported(events: 800)
        #expect(
            try cli.ledger(["query", "council", "--year", "2023", "--as-of", "400", "--format", "json"]).status == 0)
        #expect(try cli.ledger(["query", "project", "--as-of", "2023-06-30", "--format", "csv"]).status == 0)
        let bad = try cli.ledger(["query", "council", "--year", "2023", "--as-of", "yesterday"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--as-of"))
    }

    @Test func projectionsStatusAndRebuild() throws {
        let cli = try imported(events: 500)
        let rebuilt = try cli.ledger(["projections", "rebuild", "council"])
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout.contains("council: rebuilt to sequence 500"))
        let status = try cli.ledger(["projections", "status"])
        #expect(status.stdout.contains("up to date"))
        #expect(!status.stdout.contains("lagging"))
    }
}
