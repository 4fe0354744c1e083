import Foundation
import LedgerTesting
import Testing

/// The snapshots as an operator meets them: `init --snapshot-every`, `projections status`,
/// `audit`, `restore`.
@Suite("ledger snapshots through the CLI")
struct SnapshotCLITests {
    private func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func statusAuditAndRestoreShowTheSnapshots() throws {
        let cli = CLIFixture()
        #expect(try cli.ledger(["init", "--snapshot-every", "150"]).status == 0)
        let imported = try cli.ledger(["import", try GeneratedHistory.write(events: 900, seed: 34, in: cli.dir)])
        #expect(imported.status == 0, "\(imported.stderr)")

        let status = try cli.ledger(["projections", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        let count = try #require(number(after: "snapshots: ", in: status.stdout), "\(status.stdout)")
        #expect(count >= 6)  // 900 / 150 sequence snapshots, besides the month ends
        #expect(status.stdout.contains("every 150 events"))
        #expect(status.stdout.contains("% of the ledger's"))

        let audit = try cli.ledger(["audit", "--no-signatures"])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        #expect(number(after: "snapshots              ", in: audit.stdout) == count)

        // Snapshots are not exported; a restore writes them again (default interval) and audits them.
        let export = cli.dir.file("export")
        #expect(try cli.ledger(["export", "--to", export]).status == 0)
        let restored = cli.dir.file("restored.ledger")
        let restore = try ProcessRunner.run("ledger", ["restore", export, "--to", restored])
        #expect(restore.status == 0, "\(restore.stdout)\(restore.stderr)")
        let restoredStatus = try ProcessRunner.run("ledger", ["projections", "status", "--ledger", restored])
        #expect((number(after: "snapshots: ", in: restoredStatus.stdout) ?? 0) > 0, "\(restoredStatus.stdout)")
        let rebuilt = try ProcessRunner.run(
            "ledger", ["projections", "rebuild", "--snapshot-every", "150", "--ledger", restored])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(number(after: "snapshots: rebuilt, ", in: rebuilt.stdout) == count)

        // The same as-of answer from the original and the restored ledger.
        for asOf in ["2023-06-30", "450"] {
            let original = try cli.ledger(["query", "committee", "--as-of", asOf, "--format", "json"])
            let copy = try ProcessRunner.run(
                "ledger", ["query", "committee", "--as-of", asOf, "--format", "json", "--ledger", restored])
            #expect(original.status == 0 && copy.status == 0)
            #expect(original.stdout == copy.stdout)
        }
    }
}
