import ArgumentParser
import ConsortiumLedger
import Domain
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a signed, self-checking snapshot of the ledger to a new directory.",
        discussion: """
            Reads one consistent point of the ledger (a single read transaction: importing may go on \
            meanwhile) and writes events.jsonl (every event as `ledger log --format jsonl` prints it), \
            each tier read model as JSON and CSV (council-YEAR for every year with events, committee, \
            project), checkpoint.note (a checkpoint signed for exactly the exported size), checkpoint.pub \
            and, last, manifest.json with the size and SHA-256 of every file. The files are written \
            under DIR.export-incomplete-PID and renamed to DIR at the end, so an interrupted export \
            never leaves a DIR that looks complete. The private key is never exported. \
            With --since, only the events after a previous export are written, chained to its manifest.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("The snapshot directory to create (must not exist).", valueName: "dir"))
    var directory: String

    @Option(
        help: ArgumentHelp(
            "A previous export's manifest.json or directory: export only the events after it.", valueName: "manifest"))
    var since: String?

    @Option(help: "Compression of the files: none (gzip is not built in; compress the finished directory instead).")
    var compress = "none"

    @Flag(help: "Fold the read models from the snapshot's events instead of reading the live ones.")
    var replayReadModels = false

    func validate() throws {
        guard compress == "none" else {
            throw ValidationError(
                "--compress \(compress) is not supported: this build has no zlib;"
                    + " run e.g. `tar -czf DIR.tar.gz DIR` on the finished snapshot")
        }
    }

    func run() throws {
        let opened = try Ledger(path: ledger.path)
        var options = ExportOptions(since: since, readModels: replayReadModels ? .replay : .automatic)
        let bar = SharedProgressBar(label: "export")
        options.progress = { done, total in bar.update(done, total: total) }
        let summary = try opened.export(to: directory, options: options)
        bar.finish()
        let manifest = summary.manifest
        let checkpoint = manifest.checkpoint
        let years = manifest.readModels.councilYears.map(String.init).joined(separator: " ")
        print(
            "exported \(manifest.sequences.count) events (\(manifest.kind.rawValue), sequences \(manifest.sequences))"
                + " to \(summary.directory)"
                + String(format: " in %.2f s: %.0f events/s", summary.seconds, summary.eventsPerSecond))
        print(
            "  checkpoint  size \(checkpoint.size) root \(checkpoint.root) (key \(checkpoint.keyName) \(checkpoint.keyId))"
        )
        print("  read models \(manifest.readModels.source), council years \(years)")
        print("  files       \(manifest.files.count + 1), \(summary.totalBytes) bytes, manifest.json written last")
    }
}

/// A progress bar that the library's `@Sendable` progress callbacks may call.
final class SharedProgressBar: Sendable {
    private let label: String
    private let bar = Locked<ProgressBar?>(nil)

    init(label: String) { self.label = label }

    func update(_ done: UInt64, total: UInt64) {
        bar.withLock { bar in
            if bar == nil { bar = ProgressBar(label: label, total: total) }
            bar?.update(done)
        }
    }

    func finish() {
        bar.withLock { $0?.finish() }
    }
}
