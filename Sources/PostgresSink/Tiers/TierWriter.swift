import Domain
import PostgresNIO
import Projections

/// Writes the tier tables for one ledger: only rows that changed since the last write this
/// process made (all of them after a start), as multi-row upserts.
struct TierWriter: Sendable {
    let ledgerId: String
    private var council: [Int: [TierValue]] = [:]
    private var committee: [[String]: [TierValue]] = [:]
    private var project: [String: [TierValue]] = [:]

    init(ledgerId: String) { self.ledgerId = ledgerId }

    /// The changes `reports` make; `commit(_:)` them once their transaction committed.
    func changes(_ reports: TierReports) -> TierChanges {
        var changes = TierChanges()
        for report in reports.council {
            let row = TierRows.council(report, ledgerId: ledgerId)
            if council[report.year] != row {
                changes.council.append((report.year, row))
                changes.kpis[report.year] = TierRows.kpis(report, ledgerId: ledgerId)
            }
        }
        for report in reports.committee {
            let row = TierRows.committee(report, ledgerId: ledgerId)
            let key = [report.schoolId, report.enterpriseId]
            if committee[key] != row { changes.committee.append((key, row)) }
        }
        for report in reports.project {
            let row = TierRows.project(report, ledgerId: ledgerId)
            if project[report.projectId] != row { changes.project.append((report.projectId, row)) }
        }
        return changes
    }

    mutating func commit(_ changes: TierChanges) {
        for (year, row) in changes.council { council[year] = row }
        for (key, row) in changes.committee { committee[key] = row }
        for (key, row) in changes.project { project[key] = row }
    }

    /// Forgets what was written (the transaction that wrote it rolled back).
    mutating func reset() { self = TierWriter(ledgerId: ledgerId) }

    func write(_ changes: TierChanges, to database: SinkDatabase) async throws {
        try await upsert(TierTable.council, changes.council.map(\.1), database)
        for (year, rows) in changes.kpis.sorted(by: { $0.key < $1.key }) {
            var bindings = PostgresBindings()
            bindings.append(ledgerId)
            bindings.append(Int64(year))
            try await database.run(
                PostgresQuery(
                    unsafeSQL: "DELETE FROM council_kpis WHERE ledger_id = $1 AND year = $2", binds: bindings),
                doing: "clearing council_kpis")
            let kpiTable = TierTable(
                name: "council_kpis", keyColumns: ["ledger_id", "year", "metric", "member_id"],
                columns: ["ledger_id", "year", "metric", "member_id", "target", "actual"])
            try await upsert(kpiTable, rows, database)
        }
        try await upsert(TierTable.committee, changes.committee.map(\.1), database)
        try await upsert(TierTable.project, changes.project.map(\.1), database)
    }

    /// `INSERT … VALUES (…), (…) ON CONFLICT (key) DO UPDATE`, in statements of at most
    /// ~30,000 parameters (the protocol allows 65,535).
    private func upsert(_ table: TierTable, _ rows: [[TierValue]], _ database: SinkDatabase) async throws {
        guard let first = rows.first else { return }
        let perStatement = max(1, 30_000 / first.count)
        let updates = table.columns.filter { !table.keyColumns.contains($0) }.map { "\($0) = EXCLUDED.\($0)" }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            var bindings = PostgresBindings(capacity: chunk.count * first.count)
            var sql = "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES "
            var parameter = 0
            for (index, row) in chunk.enumerated() {
                sql += index == 0 ? "(" : ", ("
                for (column, value) in row.enumerated() {
                    parameter += 1
                    sql += (column == 0 ? "$" : ", $") + String(parameter) + "::" + value.sqlType
                    value.bind(into: &bindings)
                }
                sql += ")"
            }
            sql += " ON CONFLICT (\(table.keyColumns.joined(separator: ", "))) DO UPDATE SET "
            sql += updates.joined(separator: ", ")
            try await database.run(PostgresQuery(unsafeSQL: sql, binds: bindings), doing: "writing \(table.name)")
            start += perStatement
        }
    }
}

/// Rows to write in one transaction.
struct TierChanges: Sendable {
    var council: [(Int, [TierValue])] = []
    var kpis: [Int: [[TierValue]]] = [:]
    var committee: [([String], [TierValue])] = []
    var project: [(String, [TierValue])] = []

    var isEmpty: Bool { council.isEmpty && committee.isEmpty && project.isEmpty }
}
