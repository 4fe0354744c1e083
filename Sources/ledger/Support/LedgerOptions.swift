import ArgumentParser
import Foundation

/// Options every subcommand that opens a ledger shares.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .customLong("ledger"),
        help: ArgumentHelp(
            "The ledger directory.", discussion: "Defaults to $LEDGER_PATH, then ./consortium.ledger.",
            valueName: "path"))
    var explicitPath: String?

    /// The ledger directory this invocation works on.
    var path: String {
        if let explicitPath { return explicitPath }
        if let env = ProcessInfo.processInfo.environment["LEDGER_PATH"], !env.isEmpty { return env }
        return "consortium.ledger"
    }
}

/// How a command prints what it found.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}
