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

    /// RFC 4180 text: CRLF line ends, fields quoted when they hold a comma, quote or newline.
    public static func csvText(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(quoted).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        var escaped = "\""
        for character in cell {
            if character == "\"" { escaped += "\"\"" } else { escaped.append(character) }
        }
        return escaped + "\""
    }

    private static func rows<Report: TierReport>(_ reports: [Report], _ cell: (ReportValue) -> String) -> [[String]] {
        let header = reports.first.map { $0.fields.map(\.name) } ?? Report.columnNames
        return [header] + reports.map { $0.fields.map { cell($0.value) } }
    }
}
