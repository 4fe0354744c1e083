import ArgumentParser
import ConsortiumLedger
import Domain

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query a governance tier's read model.",
        discussion: """
            --as-of DATE answers for the events that occurred on or before DATE, judged on that date \
            (what was true then); --as-of SEQ answers for the ledger as recorded up to that sequence \
            (what the ledger knew then). Without it: everything recorded, judged today. \
            Tables show money in yuan; JSON and CSV in fen, with DOMAIN.md's names.
            """,
        subcommands: [Council.self, Committee.self, Project.self])

    /// Options every tier query shares.
    struct Common: ParsableArguments {
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var remoteOptions: RemoteOptions
        @Option(help: "A date (YYYY-MM-DD, business time) or a sequence number (recorded time).")
        var asOf: String?
        @Option(help: "table, json or csv (default: table on a terminal, JSON otherwise).")
        var format: OutputFormat?

        func validate() throws {
            if let asOf, AsOf(argument: asOf) == nil {
                throw ValidationError("--as-of must be a date YYYY-MM-DD or a sequence number, got \(asOf)")
            }
            if format == .jsonl { throw ValidationError("--format must be table, json or csv") }
        }

        var when: AsOf? { asOf.flatMap(AsOf.init(argument:)) }
    }

    struct Council: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "council",
            abstract: "The council's yearly steering figures (理事会).")
        @OptionGroup var common: Common
        @Option(help: "The year to report on.") var year: Int

        func run() throws {
            if let remote = try common.remoteOptions.ledger() {
                return try RemoteReads.query(
                    "/v1/council", [("year", String(year))], asOf: common.asOf, format: common.format, remote: remote)
            }
            let report = try Ledger(path: common.ledger.path).councilReport(year: year, asOf: common.when)
            ReportPrinter.print([report], format: common.format, single: true)
        }
    }

    struct Committee: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "committee",
            abstract: "Per school–enterprise pair figures (校企合作委员会).")
        @OptionGroup var common: Common
        @Option(help: "Only pairs with this school member id.") var school: String?
        @Option(help: "Only pairs with this enterprise member id.") var enterprise: String?

        func run() throws {
            if let remote = try common.remoteOptions.ledger() {
                return try RemoteReads.query(
                    "/v1/committee", [("school", school), ("enterprise", enterprise)], asOf: common.asOf,
                    format: common.format, remote: remote)
            }
            let reports = try Ledger(path: common.ledger.path).committeeReports(
                school: school, enterprise: enterprise, asOf: common.when)
            ReportPrinter.print(reports, format: common.format)
        }
    }

    struct Project: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "project",
            abstract: "Per project figures (项目联管会).")
        @OptionGroup var common: Common
        @Option(help: "Only this project id.") var id: String?

        func run() throws {
            if let remote = try common.remoteOptions.ledger() {
                return try RemoteReads.query(
                    "/v1/projects", [("id", id)], asOf: common.asOf, format: common.format, remote: remote)
            }
            let reports = try Ledger(path: common.ledger.path).projectReports(id: id, asOf: common.when)
            ReportPrinter.print(reports, format: common.format, single: id != nil)
        }
    }
}
