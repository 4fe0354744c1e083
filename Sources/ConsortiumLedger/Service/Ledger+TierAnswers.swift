import Domain
import Foundation
import Projections

/// One of the three tier queries, as the service and the CLI name them (docs/DOMAIN.md, Query names).
public enum TierQuery: Sendable, Equatable {
    case council(year: Int)
    case committee(school: String?, enterprise: String?)
    case projects(id: String?)
}

/// How a tier answer is written: exactly as `ledger query … --format json|csv` prints it.
public enum TierFormat: String, Sendable { case json, csv }

extension Ledger {
    /// The answer to `query` as text, identical to `ledger query … --format json|csv`.
    /// With `visibleTo`, only rows that concern that member are kept: committee pairs where it
    /// is the school or the enterprise, projects it leads or whose platform it belongs to
    /// (council figures are for every member). Other rows are absent, not errors.
    public func tierAnswer(_ query: TierQuery, asOf: AsOf?, format: TierFormat, visibleTo member: String? = nil)
        throws -> String
    {
        switch query {
        case .council(let year):
            return Self.render([try councilReport(year: year, asOf: asOf)], format: format, single: true)
        case .committee(let school, let enterprise):
            var reports = try committeeReports(school: school, enterprise: enterprise, asOf: asOf)
            if let member { reports = reports.filter { $0.schoolId == member || $0.enterpriseId == member } }
            return Self.render(reports, format: format, single: false)
        case .projects(let id):
            var reports = try projectReports(id: id, asOf: asOf)
            if let member {
                reports = try reports.filter { try projectParticipants($0.projectId)?.contains(member) ?? false }
            }
            return Self.render(reports, format: format, single: id != nil)
        }
    }

    private static func render<Report: TierReport>(_ reports: [Report], format: TierFormat, single: Bool) -> String {
        switch format {
        case .json:
            let value: JSONValue = single && reports.count == 1 ? reports[0].json : .array(reports.map(\.json))
            return value.serialized() + "\n"
        case .csv:
            return ReportRows.csvText(ReportRows.csv(reports))
        }
    }
}
