import ArgumentParser
import Audit
import ConsortiumLedger
import Foundation
import LedgerClient
import Replication

struct MirrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Keep a verified replica of a ledger served over HTTP (`ledger serve --http`).",
        discussion: """
            Copies every record from URL/v1/feed (as a record stream) into DIR, a ledger directory with the \
            primary's ledger id, byte for byte after checking each one: it must parse, carry the next sequence \
            and stream version and a new id, link to DIR's own head with a hash recomputed here, and decode; \
            the consortium rules are not re-run while copying (`ledger audit --ledger DIR` does that). At each \
            signed checkpoint the Merkle \
            root must be the signed one, and each new checkpoint must extend the last one the mirror reached \
            (consistency proof). DIR then answers `ledger query|audit|export --ledger DIR` locally. The token \
            (auditor or secretariat) is read from $LEDGER_TOKEN. Killed, it resumes where it stopped. A \
            rewritten history or a split view stops it with exit status 3, naming the sequence, and leaves \
            both signed notes and the proof in DIR/evidence/. The primary's key is pinned at the first run \
            (--public-key pins it explicitly).
            """)

    @Option(help: "The ledger service, e.g. https://ledger.example:8443.") var from: String
    @Option(help: "The mirror's directory (created on the first run).") var to: String
    @Flag(help: "Keep following: poll for new checkpoints until stopped.") var follow = false
    @Option(help: "Seconds between polls with --follow.") var interval: Double = 2
    @Option(help: "Only trust checkpoints signed by this public key file.") var publicKey: String?
    @Option(help: "A witness's verifier key file (repeatable); with --quorum.") var witnessKey: [String] = []
    @Option(help: "Only accept checkpoints cosigned by this many of the --witness-key witnesses.") var quorum: Int?
    @Option(
        help:
            "Records verified and stored per local commit (default: 50,000, growing to 200,000 as the copy grows)."
    ) var batchSize: Int?

    func validate() throws {
        if let quorum, quorum < 1 || quorum > witnessKey.count {
            throw ValidationError(
                "--quorum must be between 1 and the number of --witness-key files (\(witnessKey.count))")
        }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let token = ProcessInfo.processInfo.environment["LEDGER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let remote: RemoteLedger
        do { remote = try RemoteLedger(url: from, token: token) } catch { throw CLIError("\(error)") }
        var options = Mirror.Options(directory: to, pinnedKey: try publicKey.map { try LedgerPublicKey.load(from: $0) })
        options.witnessKeys = try witnessKey.map { try CosignerPublicKey.load(from: $0) }
        options.quorum = quorum ?? 0
        if let batchSize {
            options.batchSize = batchSize
        } else {
            options.largestBatch = 200_000
        }
        let mirror = Mirror(remote: remote, options: options)
        let follow = self.follow
        let interval = self.interval
        let outcome: MirrorError? = try waitFor {
            var lastSize: UInt64?
            while true {
                // A bar per round, drawn only on a terminal (a first copy of 10^7 records takes
                // minutes); cleared before the round's line.
                let bar = SharedProgressBar(label: "mirror")
                mirror.progress = { stored, total in bar.update(stored, total: total) }
                defer { bar.finish() }
                do {
                    let round = try await mirror.syncOnce()
                    bar.finish()
                    if round.size != lastSize || round.copied > 0 {
                        sayNow("mirrored \(from) to size \(round.size) (\(round.copied) records copied)")
                        lastSize = round.size
                    }
                } catch let error as MirrorError {
                    bar.finish()
                    if error.isFinding || !follow || error.code == .notAMirror { return error }
                    Terminal.printError("\(error); retrying in \(interval) s")
                }
                if !follow { return nil }
                try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            }
        }
        if let outcome {
            Terminal.printError(outcome.description)
            throw ExitCode(outcome.isFinding ? 3 : 1)
        }
    }
}
