import ArgumentParser
import Audit
import ConsortiumLedger
import Domain
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import events from JSONL, JSON-array or CSV files (or - for standard input).",
        discussion: """
            Every record is parsed and checked against the consortium rules before anything is \
            written: one bad record rejects the whole import, naming file, line, field and what was \
            expected (--report lists every bad record).

            Input of up to 256 MiB (about a million events) is written in a single transaction: \
            all or nothing, one sync. Bigger JSONL input is validated first and then written in \
            segments of 256 MiB, each one transaction. With --batch-size N (or bigger JSON-array or \
            CSV input) it is validated first and written in durable chunks of N events (default \
            50000), which bounds memory.

            If an import is interrupted, run the same command again: records already recorded are \
            recognised by id and skipped. Records without an id get one derived from their content \
            and position, so re-importing a file never duplicates it.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var remoteOptions: RemoteOptions

    @Argument(help: "Files to import; - reads standard input.") var files: [String]

    @Option(help: "Input format (default: from the file name, else sniffed).") var format: ImportInput.Format?

    @Option(
        help:
            "Commit in durable chunks of this many events after validating everything (default: one transaction up to 256 MiB of input, else chunks of 50000)."
    )
    var batchSize: Int?

    @Option(
        help:
            "Write every bad record to this file as JSON lines (with --remote: every record that does not parse, else the one the server refused)."
    )
    var report: String?

    @Option(help: "Sign every event as its actor with this member key file (see `ledger keygen`).")
    var signWith: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import (or - for standard input)") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        if let remote = try remoteOptions.ledger() {
            let signer = try signWith.map { try MemberKeyPair.load(from: $0) }
            do {
                return print(
                    try RemoteImportCommand.run(
                        files: files, format: format, signer: signer, remote: remote, reportPath: report))
            } catch let rejected as ImportRejected {
                Terminal.printError("error: \(rejected)")  // as a local import says it
                if let report {
                    Terminal.printError("all \(rejected.issues.count) bad records are listed in \(report)")
                }
                throw ExitCode(1)
            } catch let partly as RemoteImportPartlyRecorded {
                Terminal.printError("error: \(partly)")
                if let report {
                    Terminal.printError("all \(partly.rejected.issues.count) bad records are listed in \(report)")
                }
                throw ExitCode(1)
            }
        }
        let opened = try Ledger(path: ledger.path)
        let inputs = try files.map { try ImportInput(path: $0, format: format) }
        var options = ImportOptions(batchSize: batchSize, reportPath: report)
        options.signer = try signWith.map { try MemberKeyPair.load(from: $0) }
        let bar = ImportProgress()
        options.progress = { phase, done in bar.update(phase, done) }
        let summary: ImportSummary
        do {
            summary = try opened.importFiles(inputs, options: options)
        } catch let rejected as ImportRejected {
            bar.finish()
            Terminal.printError("error: \(rejected)")
            if let report { Terminal.printError("all \(rejected.issues.count) bad records are listed in \(report)") }
            throw ExitCode(1)
        }
        bar.finish()
        print(
            "imported \(summary.appended) events (\(summary.alreadyRecorded) already recorded) from \(files.count) file(s)"
                + String(format: " in %.2f s: %.0f events/s", summary.seconds, summary.rate)
                + (summary.snapshots > 0 ? "; \(summary.snapshots) read-model snapshots stored with them" : ""))
        for (type, count) in summary.byType.sorted(by: { $0.value > $1.value }) {
            print("  \(type.padding(toLength: 26, withPad: " ", startingAt: 0)) \(count)")
        }
    }
}

extension ImportInput.Format: ExpressibleByArgument {}

/// Progress for both import passes, on a terminal only: a running count while validating
/// (or importing in one transaction), then a bar against the validated count while writing.
final class ImportProgress: Sendable {
    private struct State {
        var bar: ProgressBar?
        var validated = 0
    }

    private let state = Locked(State())

    func update(_ phase: ImportPhase, _ done: Int) {
        state.withLock { s in
            switch phase {
            case .validating, .importing:
                s.validated = done
                if s.bar == nil { s.bar = ProgressBar(label: phase.rawValue, total: 0) }
            case .writing:
                if s.bar?.label != "writing" {
                    s.bar?.finish()
                    s.bar = ProgressBar(label: "writing", total: UInt64(s.validated))
                }
            }
            s.bar?.update(UInt64(done))
        }
    }

    func finish() {
        state.withLock { $0.bar?.finish() }
    }
}
