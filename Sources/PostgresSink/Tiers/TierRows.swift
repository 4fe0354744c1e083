import Domain
import Projections

/// A tier table and the rows the sink keeps in it for one ledger: key columns first, then the
/// figures, all named after the report's JSON key paths (`columnName`).
struct TierTable: Sendable {
    var name: String
    var keyColumns: [String]
    var columns: [String]

    static let council = TierTable(
        name: "council_years", keyColumns: ["ledger_id", "year"],
        columns: ["ledger_id", "year", "judged_on"] + councilFigureColumns + [
            "inactive_members", "inactive_member_ids",
        ])
    static let committee = TierTable(
        name: "committee_pairs", keyColumns: ["ledger_id", "school_id", "enterprise_id"],
        columns: keyed(CommitteePairReport.columnNames.map(columnName), keys: 2))
    static let project = TierTable(
        name: "projects", keyColumns: ["ledger_id", "project_id"],
        columns: keyed(ProjectReport.columnNames.map(columnName), keys: 1))

    /// ledger_id, the report's key columns, judged_on, the report's other columns.
    private static func keyed(_ columns: [String], keys: Int) -> [String] {
        var out = ["ledger_id"]
        out += columns.prefix(keys)
        out.append("judged_on")
        out += columns.dropFirst(keys)
        return out
    }

    /// Every scalar council figure: the CSV columns less the year, the per-member KPI columns
    /// (a table of their own) and the list of inactive members (a count and an array).
    static let councilFigureColumns: [String] = CouncilReport.columnNames
        .filter { $0 != "year" && $0 != "inactiveMembers" && !$0.hasPrefix("kpis.") }
        .map(columnName)
}

/// The rows one report becomes, keyed for the diff against what was last written.
enum TierRows {
    static func council(_ report: CouncilReport, ledgerId: String) -> [TierValue] {
        var row: [TierValue] = [.text(ledgerId), .int(Int64(report.year)), .date(report.judgedOn)]
        for field in report.fields
        where field.name != "year" && field.name != "inactiveMembers" && !field.name.hasPrefix("kpis.") {
            row.append(TierValue(field.value))
        }
        row.append(.int(Int64(report.inactiveMembers.count)))
        row.append(.textArray(report.inactiveMembers))
        return row
    }

    /// One row per (metric, member); should a report list one twice, the later one stands
    /// (a single upsert may not touch a row twice).
    static func kpis(_ report: CouncilReport, ledgerId: String) -> [[TierValue]] {
        var rows: [[TierValue]] = []
        var index: [String: Int] = [:]
        for kpi in report.kpis {
            let row: [TierValue] = [
                .text(ledgerId), .int(Int64(report.year)), .text(kpi.metric.rawValue), .text(kpi.memberId ?? ""),
                .int(kpi.target), .int(kpi.actual),
            ]
            let key = kpi.metric.rawValue + "@" + (kpi.memberId ?? "")
            if let existing = index[key] {
                rows[existing] = row
            } else {
                index[key] = rows.count
                rows.append(row)
            }
        }
        return rows
    }

    static func committee(_ report: CommitteePairReport, ledgerId: String) -> [TierValue] {
        let values = report.fields.map { TierValue($0.value) }
        var row: [TierValue] = [.text(ledgerId)]
        row += values.prefix(2)
        row.append(.date(report.judgedOn))
        row += values.dropFirst(2)
        return row
    }

    static func project(_ report: ProjectReport, ledgerId: String) -> [TierValue] {
        let values = report.fields.map { TierValue($0.value) }
        var row: [TierValue] = [.text(ledgerId)]
        row += values.prefix(1)
        row.append(.date(report.judgedOn))
        row += values.dropFirst()
        return row
    }
}
