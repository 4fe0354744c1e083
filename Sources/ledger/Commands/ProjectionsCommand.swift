import ArgumentParser
import ConsortiumLedger

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
            let rows = try Ledger(path: ledger.path).readModelStatus().map { s in
                [s.model.rawValue, String(s.checkpoint), String(s.head), String(s.lag),
                 s.storedVersion.map(String.init) ?? "–", String(s.version), s.state.rawValue]
            }
            print(Terminal.table(["model", "checkpoint", "head", "lag", "stored version", "version", "state"], rows))
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Rebuild read models from zero by replaying the whole log.")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "council, committee, project or claims (default: all four).") var name: [TierModel] = []

        func run() throws {
            let opened = try Ledger(path: ledger.path)
            let bar = ProgressBar(label: "rebuild", total: try opened.eventCount())
            try opened.rebuild(name.isEmpty ? TierModel.allCases : name) { bar.update($0) }
            bar.finish()
            for status in try opened.readModelStatus() where name.isEmpty || name.contains(status.model) {
                print("\(status.model.rawValue): rebuilt to sequence \(status.checkpoint)")
            }
        }
    }
}

extension TierModel: ExpressibleByArgument {}
