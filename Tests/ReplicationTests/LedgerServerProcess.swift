import Foundation
import LedgerTesting

#if canImport(Glibc)
    import Glibc
#endif

/// `ledger serve --http 127.0.0.1:0` over a ledger directory, and an auditor token for its feed.
final class LedgerServerProcess: @unchecked Sendable {  // set in init only
    let child: ChildProcess
    let url: String
    let token: String

    init(ledger path: String, witnesses: [String] = [], checkpointEvery: Double = 0.2) throws {
        let issued = try ledgerCLI(["token", "issue", "--member", "auditor-1", "--role", "auditor", "--ledger", path])
        guard issued.status == 0, let token = issued.stdout.split(separator: "\n").first else {
            throw TestFailure("token: \(issued.stderr)")
        }
        self.token = String(token)
        var arguments = ["serve", "--ledger", path, "--http", "127.0.0.1:0"]
        for witness in witnesses { arguments += ["--witness", witness] }
        if !witnesses.isEmpty { arguments += ["--checkpoint-every", String(checkpointEvery)] }
        child = try ChildProcess(product: "ledger", arguments)
        var found: String?
        while let line = child.readLine() {
            if let range = line.range(of: "listening on ") {
                found = String(line[range.upperBound...].prefix { $0 != " " })
                break
            }
        }
        guard let found else { throw TestFailure("the server did not start: \(child.wait(limit: 5))") }
        url = found
    }

    func stop() {
        child.kill(SIGTERM)
        _ = child.wait(limit: 30)
    }

    /// `ledger mirror --from URL --to DIR` with this server's token, run to completion.
    func mirror(to directory: String, _ extra: [String] = []) throws -> ProcessResult {
        try ProcessRunner.run(
            "ledger", ["mirror", "--from", url, "--to", directory] + extra, environment: ["LEDGER_TOKEN": token])
    }

    /// The same, as a child the test may kill.
    func startMirror(to directory: String, _ extra: [String] = []) throws -> ChildProcess {
        try ChildProcess(
            product: "ledger", ["mirror", "--from", url, "--to", directory] + extra,
            environment: ["LEDGER_TOKEN": token])
    }
}

/// What two ledgers must agree on for one to be a faithful copy of the other.
enum LedgerComparison {
    /// SHA-256-free but exact: the whole log as JSON lines, and the tier answers.
    static func answers(_ path: String, years: [Int] = [2023, 2024, 2025]) throws -> [String] {
        var out = [try ledgerCLI(["log", "--format", "jsonl", "--limit", "10000000", "--ledger", path]).stdout]
        for year in years {
            out.append(
                try ledgerCLI(["query", "council", "--year", String(year), "--format", "json", "--ledger", path]).stdout
            )
        }
        out.append(try ledgerCLI(["query", "committee", "--format", "json", "--ledger", path]).stdout)
        out.append(try ledgerCLI(["query", "project", "--format", "json", "--ledger", path]).stdout)
        return out
    }
}
