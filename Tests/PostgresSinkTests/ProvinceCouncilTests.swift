import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Projections
import Testing

@testable import PostgresSink

@Suite("A province's view in PostgreSQL", .enabled(if: PostgresTest.available, PostgresTest.skipReason))
struct ProvinceCouncilTests {
    /// The scalar council figures and their column names (what province_council sums).
    private func figures(_ report: CouncilReport) -> [(String, Int64)] {
        report.fields.compactMap { field in
            guard field.name != "year", !field.name.hasPrefix("kpis."), field.name != "inactiveMembers" else {
                return nil
            }
            switch field.value {
            case .count(let n), .money(let n): return (columnName(field.name), n)
            default: return nil
            }
        } + [("inactive_members", Int64(report.inactiveMembers.count))]
    }

    @Test func threeConsortiaAddUpToTheProvinceCouncil() throws {
        let dir = TemporaryDirectory("sink-province")
        let ledgers = try [1, 2, 3].map {
            try SinkFixtures.ledger(events: 2_500, seed: $0, in: dir, name: "city-\($0)")
        }
        let url = try PostgresTest.freshDatabase("province")
        defer { PostgresTest.drop(url) }
        for ledger in ledgers {
            let result = try SinkFixtures.sink(ledger, url)
            #expect(result.status == 0, "sink failed: \(result.stderr)")
        }

        let rows = try PostgresTest.objects(
            "SELECT to_jsonb(p)::text FROM province_council p ORDER BY year", url)
        let years = rows.compactMap { $0["year"]?.intValue }.map(Int.init)
        #expect(!years.isEmpty)
        var eventYears = Set<Int>()
        for ledger in ledgers {
            for record in try ledger.sinkChunk(after: 0, limit: 1_000_000, includeData: false).records {
                eventYears.insert(record.context.year)
            }
        }
        #expect(eventYears.isSubset(of: Set(years)), "years with events: \(eventYears.sorted()), view: \(years)")

        var compared = 0
        for row in rows {
            guard let year = row["year"]?.intValue.map(Int.init) else { continue }
            var sums: [String: Int64] = [:]
            var order: [String] = []
            for ledger in ledgers {
                for (column, value) in figures(try ledger.councilReport(year: year)) {
                    if sums[column] == nil { order.append(column) }
                    sums[column, default: 0] += value
                }
            }
            for column in order {
                #expect(row[column]?.intValue == sums[column], "year \(year), \(column)")
                compared += 1
            }
        }
        #expect(
            compared == years.count * (TierTable.councilFigureColumns.count + 1), "every council figure was compared")
        let enrolled = rows.compactMap { $0["apprentices_enrolled"]?.intValue }.reduce(0, +)
        #expect(enrolled > 0, "the generated consortia enrolled apprentices")
    }

    @Test func tierTablesAnswerAsTheLedgerDoes() throws {
        let dir = TemporaryDirectory("sink-tiers")
        let ledger = try SinkFixtures.ledger(events: 2_500, seed: 8, in: dir, name: "city")
        let url = try PostgresTest.freshDatabase("tiers")
        defer { PostgresTest.drop(url) }
        let result = try SinkFixtures.sink(ledger, url, ["--batch-size", "700"])
        #expect(result.status == 0, "sink failed: \(result.stderr)")
        let id = try SinkFixtures.ledgerId(ledger)

        let pairs = try PostgresTest.objects(
            "SELECT to_jsonb(c)::text FROM committee_pairs c WHERE ledger_id = '\(id)' ORDER BY school_id, enterprise_id",
            url)
        let expectedPairs = try ledger.committeeReports()
        #expect(pairs.count == expectedPairs.count)
        for (row, report) in zip(pairs, expectedPairs) {
            #expect(row["school_id"]?.stringValue == report.schoolId)
            #expect(row["enterprise_id"]?.stringValue == report.enterpriseId)
            #expect(row["agreements_active"]?.intValue == Int64(report.agreementsActive))
            #expect(row["apprentices_by_stage_hired"]?.intValue == report.apprenticesByStage.hired)
            #expect(row["subsidies_paid_fen"]?.intValue == report.subsidiesPaidFen)
            #expect(row["pass_rate"]?.doubleValue == report.passRate)
        }

        let projects = try PostgresTest.objects(
            "SELECT to_jsonb(p)::text FROM projects p WHERE ledger_id = '\(id)' ORDER BY project_id", url)
        let expectedProjects = try ledger.projectReports()
        #expect(projects.count == expectedProjects.count)
        for (row, report) in zip(projects, expectedProjects) {
            #expect(row["project_id"]?.stringValue == report.projectId)
            #expect(row["milestones_reached"]?.intValue == Int64(report.milestones.reached))
            #expect(row["budget_fen"]?.intValue == report.budgetFen)
            #expect(row["closed"]?.boolValue == report.closed)
        }

        let events = try PostgresTest.integer(
            "SELECT count(*) FROM consortium_events WHERE ledger_id = '\(id)'", url)
        #expect(events == 2_500)
        // The payload is queryable JSON: every AgreementSigned row names its enterprise.
        let agreements = try PostgresTest.integer(
            "SELECT count(*) FROM consortium_events WHERE type = 'AgreementSigned' AND data ? 'enterpriseId'", url)
        let signed = try ledger.sinkChunk(after: 0, limit: 10_000, includeData: false).records
            .filter { $0.type == "AgreementSigned" }.count
        #expect(agreements == Int64(signed))
    }

    @Test func migrationsAreRecordedAndAppliedOnce() async throws {
        let url = try PostgresTest.freshDatabase("migrations")
        defer { PostgresTest.drop(url) }
        let migrations = try Migrations.bundled()
        let first = try await PostgresTest.with(url) { try await migrations.apply(to: $0) }
        let second = try await PostgresTest.with(url) { try await migrations.apply(to: $0) }
        #expect(first == Array(1...migrations.files.count))
        #expect(second.isEmpty)
        let recorded = try PostgresTest.integer("SELECT count(*) FROM schema_migrations", url)
        #expect(recorded == Int64(migrations.files.count))
        try await PostgresTest.with(url) { try await TierSchemaCheck.verify($0) }
    }
}
