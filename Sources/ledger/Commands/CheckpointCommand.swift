import ArgumentParser
import ConsortiumLedger
import Foundation

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the current Merkle tree head with the ledger key and store it.",
        discussion: """
            Prints the signed note (origin, size, base64 root, signature line). Give it, with \
            checkpoint.pub from the ledger directory, to anyone who should be able to check proofs.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "Also write the signed note to this file.") var out: String?

    func run() throws {
        let signed = try Ledger(path: ledger.path).checkpoint()
        if let out { try Data(signed.serialized.utf8).write(to: URL(fileURLWithPath: out)) }
        print(signed.serialized, terminator: "")
    }
}
