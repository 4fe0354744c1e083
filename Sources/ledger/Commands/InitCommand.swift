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

    func run() throws {
        let created = try Ledger.create(path: ledger.path, requireSignatures: requireSignatures)
        print("created ledger \(created.ledgerId) at \(ledger.path)")
    }
}
