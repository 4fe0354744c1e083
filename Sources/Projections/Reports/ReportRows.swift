import Domain

/// Turns reports into rows for CSV files and terminal tables: a header of field names,
/// then one row per report (a pair, a project, a council year).
public enum ReportRows {
    /// Header plus rows; money in fen, shares unrounded, lists joined with `;`.
    public static func csv<Report: TierReport>(_ reports: [Report]) -> [[String]] {
        rows(reports) { $0.csvCell }
    }

    /// Header plus rows; money in yuan with two decimals, shares as percentages.
    public static func table<Report: TierReport>(_ reports: [Report]) -> [[String]] {
        rows(reports) { $0.tableCell }
    }

    /// One report as two columns (figure, value): how a single council year reads best.
    public static func verticalTable(_ report: some TierReport) -> [[String]] {
        [["figure", "value"]] + report.fields.map { [$0.name, $0.value.tableCell] }
    }

    /// CSV text through the ledger's one hardened writer (``CSVWriter``): CRLF line ends, cells
    /// quoted when they hold a comma, quote, CR or LF, formula triggers neutralised.
    public static func csvText(_ rows: [[String]]) -> String {
        CSVWriter.text(rows)
    }

    private static func rows<Report: TierReport>(_ reports: [Report], _ cell: (ReportValue) -> String) -> [[String]] {
        let header = reports.first.map { $0.fields.map(\.name) } ?? Report.columnNames
        return [header] + reports.map { $0.fields.map { cell($0.value) } }
    }
}
