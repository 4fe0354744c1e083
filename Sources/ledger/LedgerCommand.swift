import ArgumentParser
import ConsortiumLedger

/// `ledger`: the secretariat's and auditors' command line for a consortium ledger.
@main
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Consortium Ledger: an event-sourced, tamper-evident ledger for a city industry–education consortium.",
        discussion: """
            Every joint action of schools, enterprises and government is recorded as an immutable event. \
            The ledger lives in a local directory (default ./consortium.ledger, or $LEDGER_PATH, or --ledger).
            """,
        version: LedgerVersion.current,
        subcommands: LedgerCommand.allSubcommands)
}
