import ArgumentParser
import ConsortiumLedger
import Foundation

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Rebuild a ledger from a full export and its incrementals, checking every byte.",
        discussion: """
            First every snapshot is checked: each file against the size and SHA-256 in its manifest \
            (a missing, truncated or altered file is named and nothing is created), the signed checkpoint \
            against checkpoint.pub (or --public-key), and each incremental against the manifest it \
            continues. Then the ledger is rebuilt under NEWPATH.restore-incomplete-PID with the original \
            ledger id and recordedAt, so every record, hash and Merkle root is identical to the original:
            each record's hash is compared with the export, the root with the signed checkpoint, the chain \
            is walked, the read models are compared with the exported files and `ledger audit` runs. \
            Only then does the directory become NEWPATH. A new checkpoint key is made unless \
            --signing-key gives the original.
            """)

    @Argument(help: "Snapshot directories: a full export, then its incrementals in order.")
    var snapshots: [String]

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("The ledger directory to create (must not exist).", valueName: "newpath"))
    var path: String

    @Option(help: ArgumentHelp("Only trust checkpoints signed by this public key file.", valueName: "file"))
    var publicKey: String?

    @Option(help: ArgumentHelp("The original ledger's checkpoint.key, to keep signing with it.", valueName: "file"))
    var signingKey: String?

    @Option(help: "Events per durable write transaction.") var batchSize = 50_000

    func validate() throws {
        if snapshots.isEmpty { throw ValidationError("give the full export's directory, then any incrementals") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        var options = RestoreOptions(batchSize: batchSize, trustedPublicKeyPath: publicKey, signingKeyPath: signingKey)
        let bar = SharedProgressBar(label: "restore")
        options.progress = { done, total in bar.update(done, total: total) }
        let auditBar = SharedProgressBar(label: "audit")
        options.auditProgress = { done in
            bar.finish()
            auditBar.update(done, total: 0)
        }
        let summary: RestoreSummary
        do {
            summary = try Ledger.restore(from: snapshots, to: path, options: options)
        } catch {
            bar.finish()
            auditBar.finish()
            throw error
        }
        bar.finish()
        auditBar.finish()
        print(
            "restored \(summary.events) events from \(summary.snapshots) snapshot(s) to \(summary.path)"
                + String(format: " in %.2f s", summary.seconds))
        print("  every record's hash matches the export; chain intact")
        print("  Merkle root \(summary.root.base64) at size \(summary.events) matches the exported signed checkpoint")
        print("  \(summary.readModelFilesMatched) read-model files recomputed identically")
        print(
            "  audit passed: \(summary.audit.chainVerified) records, \(summary.audit.rulesChecked) rules checks, "
                + "\(summary.audit.signaturesVerified) member signatures, read-model digests match")
        print(
            "  checkpoint signed for size \(summary.checkpoint.checkpoint.size) with "
                + (summary.keptSigningKey ? "the original key" : "a new key (see \(summary.path)/checkpoint.pub)"))
    }
}
