import ArgumentParser
import ConsortiumLedger
import Foundation

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Print Merkle proofs as JSON for third parties.",
        subcommands: [Inclusion.self, Consistency.self])

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inclusion",
            abstract: "Prove that an event is in a checkpointed tree (default: the latest checkpoint).")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The event's id, or its sequence number.") var event: String
        @Option(help: "Tree size to prove against (default: latest checkpoint).") var size: UInt64?
        @Option(help: "Write the proof to this file instead of standard output.") var out: String?

        func run() throws {
            let opened = try Ledger(path: ledger.path)
            let document = try opened.proveInclusion(
                sequence: UInt64(event), eventId: UInt64(event) == nil ? event : nil, treeSize: size)
            try emit(document.jsonData(), to: out)
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consistency",
            abstract: "Prove that a newer tree (default: latest checkpoint) extends an older one.")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The older tree size.") var oldSize: UInt64
        @Argument(help: "The newer tree size (default: latest checkpoint).") var newSize: UInt64?
        @Option(help: "Write the proof to this file instead of standard output.") var out: String?

        func run() throws {
            let document = try Ledger(path: ledger.path).proveConsistency(oldSize: oldSize, newSize: newSize)
            try emit(document.jsonData(), to: out)
        }
    }
}

private func emit(_ data: Data, to path: String?) throws {
    if let path {
        try data.write(to: URL(fileURLWithPath: path))
    } else {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
