import Domain
import Foundation
import Projections

/// Prints tier reports as a table (money in yuan), JSON (docs/DOMAIN.md query names, money in fen) or CSV.
enum ReportPrinter {
    static func print<Report: TierReport>(_ reports: [Report], format: OutputFormat?, single: Bool = false) {
        let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
        switch chosen {
        case .json, .jsonl:
            let value: JSONValue = single && reports.count == 1 ? reports[0].json : .array(reports.map(\.json))
            Swift.print(value.serialized())
        case .csv:
            Swift.print(ReportRows.csvText(ReportRows.csv(reports)), terminator: "")
        case .table:
            if single, let report = reports.first {
                let rows = ReportRows.verticalTable(report).map { row in [yuanLabel(row[0])] + row.dropFirst() }
                Swift.print(Terminal.table(rows.first ?? ["figure", "value"], Array(rows.dropFirst())))
            } else {
                let rows = ReportRows.table(reports)
                let header = (rows.first ?? Report.columnNames).map(yuanLabel)
                Swift.print(Terminal.table(header, Array(rows.dropFirst())))
                if reports.isEmpty { Swift.print("(no rows)") }
            }
        }
    }

    /// Tables show money in yuan, so a `…Fen` figure is labelled as such.
    static func yuanLabel(_ name: String) -> String {
        name.hasSuffix("Fen") ? String(name.dropLast(3)) + " (¥)" : name
    }
}
