import Foundation
import LedgerTesting
import Testing

/// Help and the version are answers, not errors: standard output, exit 0 (scripts pipe them);
/// a real error stays on standard error with a non-zero status.
@Suite("ledger help and version")
struct HelpOutputTests {
    @Test(arguments: [["--help"], ["help"], ["serve", "--help"], ["help", "query"], ["query", "council", "--help"]])
    func helpGoesToStandardOutputWithStatusZero(arguments: [String]) throws {
        let result = try ProcessRunner.run("ledger", arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE:"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func theRootHelpListsTheSubcommandsOnStandardOutput() throws {
        let result = try ProcessRunner.run("ledger", ["--help"])
        for command in ["serve", "import", "query", "audit"] {
            #expect(result.stdout.contains("\n  \(command) "), "missing \(command)")
        }
    }

    @Test func versionGoesToStandardOutput() throws {
        let result = try ProcessRunner.run("ledger", ["--version"])
        #expect(result.status == 0)
        #expect(!result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func anUnknownCommandIsAnErrorOnStandardError() throws {
        let result = try ProcessRunner.run("ledger", ["no-such-command"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no-such-command"), "\(result.stderr)")
    }
}
