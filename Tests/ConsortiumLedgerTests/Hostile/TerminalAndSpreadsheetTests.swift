import Domain
import Foundation
import LedgerTesting
import Testing

@testable import ConsortiumLedger

/// What reaches the people who read the ledger's output (see docs/HOSTILE-INPUT.md): tables and
/// CSV from the `ledger` binary, for text that is refused today but may sit in an older ledger.
@Suite("Terminal and spreadsheet output")
struct TerminalAndSpreadsheetTests {
    /// A ledger holding a project whose title carries an escape sequence and a CRLF, recorded as
    /// history from before plausibility was enforced (a restore-style append keeps old events
    /// as they were), and a second project titled with a spreadsheet formula (still accepted).
    static func ledger(in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("ledger")
        let ledger = try HostileScenario.ledger(at: path)
        let legacy = try ImportLine.parse(
            json: HostileScenario.line(
                "legacy", "ProjectCreated", by: "s1",
                #"{"projectId":"P-OLD","title":"\u001b[2J\u001b]0;pwned\u0007Lab\r\nP-FORGED,forged","leadMemberId":"s1","budgetFen":1,"startsOn":"2025-01-01","endsOn":"2025-12-31","milestones":[]}"#
            ))
        var event = legacy.newEvent(id: "legacy")
        event.recordedAt = Int64(Date().timeIntervalSince1970 * 1000)
        _ = try ledger.append([event], domainEvents: [legacy.event])
        try ledger.append([
            ImportLine.parse(
                json: HostileScenario.line(
                    "formula", "ProjectCreated", by: "s1",
                    #"{"projectId":"P-EQ","title":"=HYPERLINK(\"http://x\",\"y\")","leadMemberId":"s1","budgetFen":1,"startsOn":"2025-01-01","endsOn":"2025-12-31","milestones":[]}"#
                ))
        ])
        return path
    }

    @Test func tablesShowControlCharactersEscaped() throws {
        let dir = TemporaryDirectory("hostile-table")
        let path = try Self.ledger(in: dir)
        let table = try ProcessRunner.run("ledger", ["query", "project", "--format", "table", "--ledger", path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            !table.stdout.unicodeScalars.contains { ControlCharacters.isControl($0) && $0 != "\n" },
            "\(table.stdout.debugDescription)")
        #expect(table.stdout.contains(#"\x1B[2J\x1B]0;pwned\x07Lab\r\nP-FORGED,forged"#), "\(table.stdout)")
        // One header, one rule and one line per project: the CRLF forged no row.
        #expect(table.stdout.split(separator: "\n").count == 4, "\(table.stdout)")
    }

    @Test func csvNeutralisesFormulasAndQuotesLineBreaksInQueriesAndExport() throws {
        let dir = TemporaryDirectory("hostile-csv")
        let path = try Self.ledger(in: dir)
        let csv = try ProcessRunner.run("ledger", ["query", "project", "--format", "csv", "--ledger", path])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(#"P-EQ,"'=HYPERLINK(""http://x"",""y"")""#), "\(csv.stdout)")
        #expect(
            csv.stdout.contains("\"\u{1B}[2J\u{1B}]0;pwned\u{07}Lab\r\nP-FORGED,forged\""),
            "\(csv.stdout.debugDescription)")
        let rows = try CSVReader.rows(csv.stdout)
        #expect(rows.count == 3 && rows.allSatisfy { $0.fields.count == rows[0].fields.count })

        let export = try ProcessRunner.run("ledger", ["export", "--to", dir.file("snapshot"), "--ledger", path])
        #expect(export.status == 0, "\(export.stderr)")
        let file = try String(contentsOfFile: dir.file("snapshot/project.csv"), encoding: .utf8)
        #expect(file == csv.stdout, "the export writes the same CSV as the query")
    }
}
