import ArgumentParser
import ConsortiumLedger
import Foundation

struct ProjectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "Inspect or rebuild the read models (three tiers and claims).",
        subcommands: [Status.self, Rebuild.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Each read model's checkpoint, lag and version.")
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            let opened = try Ledger(path: ledger.path)
            let rows = try opened.readModelStatus().map { s in
                [
                    s.model.rawValue, String(s.checkpoint), String(s.head), String(s.lag),
                    s.storedVersion.map(String.init) ?? "–", String(s.version), s.state.rawValue,
                ]
            }
            print(Terminal.table(["model", "checkpoint", "head", "lag", "stored version", "version", "state"], rows))
            print(Self.describe(try opened.snapshotStatus()))
        }

        /// The snapshot lines under the table: count, range, storage.
        static func describe(_ s: SnapshotStatus) -> String {
            let range = s.firstPosition.map { "sequences \($0)…\(s.lastPosition ?? $0)" } ?? "none yet"
            let months = s.firstMonthEnd.map { " · month ends \($0.iso8601)…\(s.lastMonthEnd?.iso8601 ?? "")" } ?? ""
            let mib = { (bytes: Int) in String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
            return [
                "snapshots: \(s.count) (\(range)\(months); \(s.monthEnds) month ends, every \(s.interval) events)"
                    + (s.current ? "" : " — folded by other read-model versions, rewritten on the next write"),
                "snapshot storage: \(mib(s.bytes)) = \(String(format: "%.1f", s.share * 100)) % of the ledger's \(mib(s.ledgerBytes)); "
                    + "\(s.versions) key versions; business-time index \(s.watermarkSteps) days, \(s.lateEvents) late events; "
                    + "\(s.unsnapshotted) events after the last snapshot",
            ].joined(separator: "\n")
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Rebuild read models from zero by replaying the whole log.")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "council, committee, project or claims (default: all four, and the snapshots).") var name:
            [TierModel] = []
        @Option(help: "Events between read-model snapshots from now on (month ends are always snapshotted).")
        var snapshotEvery: UInt64?

        func run() throws {
            let opened = try Ledger(path: ledger.path)
            if let snapshotEvery { try opened.setSnapshotInterval(snapshotEvery) }
            let bar = ProgressBar(label: "rebuild", total: try opened.eventCount())
            try opened.rebuild(name.isEmpty ? TierModel.allCases : name) { bar.update($0) }
            bar.finish()
            if name.isEmpty {
                try opened.rebuildSnapshots()
                print("snapshots: rebuilt, \(try opened.snapshotStatus().count) stored")
            }
            for status in try opened.readModelStatus() where name.isEmpty || name.contains(status.model) {
                print("\(status.model.rawValue): rebuilt to sequence \(status.checkpoint)")
            }
        }
    }
}

extension TierModel: ExpressibleByArgument {}
