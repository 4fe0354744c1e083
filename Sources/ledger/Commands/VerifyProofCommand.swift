import ArgumentParser
import Audit
import ConsortiumLedger
import Foundation

struct VerifyProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check a proof against a signed checkpoint and a public key, without any ledger.",
        discussion: """
            For third parties: needs only the files. Exit status 0 when the proof holds, 1 when it does not.
              ledger verify-proof --proof p.json --checkpoint cp.txt --public-key checkpoint.pub
              ledger verify-proof --proof c.json --old-checkpoint cp-old.txt --checkpoint cp.txt --public-key checkpoint.pub
            With --witness-key (repeatable, files from `ledger witness keygen`) the checkpoint must also carry \
            valid cosignatures from at least --quorum of those witnesses (default: all of them), so a \
            checkpoint shown only to you, or a rewritten history the witnesses refused, fails.
            """)

    @Option(help: "The proof JSON from `ledger prove`.") var proof: String
    @Option(help: "The signed checkpoint note the proof ends at.") var checkpoint: String
    @Option(help: "For consistency proofs: the older signed checkpoint.") var oldCheckpoint: String?
    @Option(help: "The ledger's public key file (checkpoint.pub).") var publicKey: String
    @Option(help: "A witness's verifier key file (repeatable).") var witnessKey: [String] = []
    @Option(help: "How many of the --witness-key witnesses must have cosigned (default: all).") var quorum: Int?

    func validate() throws {
        if let quorum {
            guard quorum >= 1, quorum <= witnessKey.count else {
                throw ValidationError(
                    "--quorum \(quorum): must be between 1 and the number of --witness-key files (\(witnessKey.count))")
            }
        }
    }

    func run() throws {
        let document = try ProofDocument(jsonData: try read(proof))
        let head = try SignedCheckpoint(parsing: String(decoding: try read(checkpoint), as: UTF8.self))
        let old = try oldCheckpoint.map { try SignedCheckpoint(parsing: String(decoding: try read($0), as: UTF8.self)) }
        let key = try LedgerPublicKey.load(from: publicKey)
        let verdict = document.verify(checkpoint: head, oldCheckpoint: old, publicKey: key)
        if verdict.valid, !witnessKey.isEmpty {
            let witnesses = try witnessKey.map { try CosignerPublicKey.load(from: $0) }
            let cosigners = head.cosigners(among: witnesses)
            let needed = quorum ?? witnesses.count
            let names = witnesses.filter { cosigners[$0.verifierKey] != nil }.map(\.name)
            guard cosigners.count >= needed else {
                Terminal.printError(
                    "INVALID: \(verdict.explanation), but only \(cosigners.count) of the \(witnesses.count) witnesses "
                        + "cosigned the checkpoint (\(names.isEmpty ? "none" : names.joined(separator: ", "))); "
                        + "quorum is \(needed)")
                throw ExitCode(1)
            }
            print(
                "valid: \(verdict.explanation); cosigned by \(cosigners.count) of \(witnesses.count) witnesses "
                    + "(\(names.joined(separator: ", "))), quorum \(needed)")
            return
        }
        if verdict.valid {
            print("valid: \(verdict.explanation)")
        } else {
            Terminal.printError("INVALID: \(verdict.explanation)")
            throw ExitCode(1)
        }
    }

    private func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read file") }
        return data
    }
}
