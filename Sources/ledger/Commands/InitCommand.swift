import ArgumentParser
import ConsortiumLedger

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty ledger directory.",
        discussion: "The directory is created with owner-only permissions (0700); its files are 0600.")

    @OptionGroup var ledger: LedgerOptions

    @Flag(help: "Refuse every event that is not signed by its acting member's registered key.")
    var requireSignatures = false

    @Option(
        help:
            "Events between read-model snapshots for --as-of queries (month ends are always snapshotted; default 10000)."
    )
    var snapshotEvery: UInt64?

    func run() throws {
        let created = try Ledger.create(path: ledger.path, requireSignatures: requireSignatures)
        if let snapshotEvery { try created.setSnapshotInterval(snapshotEvery) }
        print("created ledger \(created.ledgerId) at \(ledger.path)")
    }
}
