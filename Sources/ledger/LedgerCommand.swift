import ArgumentParser
import ConsortiumLedger
import Domain
import Foundation

/// `ledger`: the secretariat's and auditors' command line for a consortium ledger.
@main
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract:
            "Consortium Ledger: an event-sourced, tamper-evident ledger for a city industry–education consortium.",
        discussion: """
            Every joint action of schools, enterprises and government is recorded as an immutable event. \
            The ledger lives in a local directory (default ./consortium.ledger, or $LEDGER_PATH, or --ledger).
            """,
        version: LedgerVersion.current,
        subcommands: LedgerCommand.allSubcommands)

    /// ArgumentParser's `main` with two guards (see docs/HOSTILE-INPUT.md): arguments that are
    /// not UTF-8 are refused before Swift repairs them, and every error message is printed
    /// through the control-character escaper, so an event's text cannot drive the terminal.
    static func main() {
        if let invalid = RawArguments.firstInvalid() {
            Terminal.printError("Error: \(invalid)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // Help and --version (a parse "error" that exits 0) go to standard output, as
            // ArgumentParser's own `exit(withError:)` prints them; real errors stay on stderr.
            if error is ExitCode || error is CleanExit || exitCode(for: error) == .success {
                exit(withError: error)
            }
            // Parse errors carry usage text whose line breaks are the program's own.
            let fromParser = String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.printError(message, keepingLineFeeds: fromParser) }
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
