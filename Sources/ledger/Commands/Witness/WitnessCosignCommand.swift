import ArgumentParser
import Audit
import ConsortiumLedger
import Foundation
import Replication

struct WitnessCosignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Sign a checkpoint of a local ledger and have it cosigned by its witnesses.",
        discussion: """
            What `ledger serve --witness` does for each new checkpoint, for a ledger run without a \
            server: signs the current tree head, sends it to every --witness NAME=URL,KEYFILE with the \
            consistency proof each one needs, stores the note with the valid cosignatures as the \
            ledger's checkpoint, and prints it. Exit 1 if fewer than --quorum witnesses cosigned.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "A witness: NAME=URL,KEYFILE (repeatable).") var witness: [String] = []
    @Option(help: "How many cosignatures are required (default: all witnesses).") var quorum: Int?
    @Option(help: "Also write the cosigned note to this file.") var out: String?

    func validate() throws {
        if witness.isEmpty { throw ValidationError("give at least one --witness NAME=URL,KEYFILE") }
        if let quorum, quorum < 0 || quorum > witness.count {
            throw ValidationError("--quorum must be between 0 and the number of witnesses (\(witness.count))")
        }
    }

    func run() throws {
        let endpoints = try witness.map { try WitnessEndpoint(parsing: $0) }
        let opened = try Ledger(path: ledger.path)
        let note = try opened.checkpoint()
        let collector = CosignatureCollector(witnesses: endpoints)
        let (cosigned, reports) = try waitFor {
            await collector.collect(note) { old in
                try opened.consistencyProof(oldSize: old, newSize: note.checkpoint.size).hashes
            }
        }
        let stored = try opened.recordCosignatures(cosigned)
        if let out { try Data(stored.serialized.utf8).write(to: URL(fileURLWithPath: out)) }
        print(stored.serialized, terminator: "")
        var count = 0
        for report in reports {
            if report.cosignature != nil {
                count += 1
            } else {
                Terminal.printError("witness \(report.witness.name) did not cosign: \(report.problem ?? "?")")
            }
        }
        let needed = quorum ?? endpoints.count
        if count < needed {
            Terminal.printError(
                "only \(count) of \(endpoints.count) witnesses cosigned size \(note.checkpoint.size); \(needed) required"
            )
            throw ExitCode(1)
        }
    }
}
