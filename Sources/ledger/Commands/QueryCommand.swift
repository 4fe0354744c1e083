import ArgumentParser
import ConsortiumLedger
import Domain
import Projections

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query a governance tier's read model.",
        discussion: """
            --as-of DATE answers for the events that occurred on or before DATE, judged on that date \
            (what was true then); --as-of SEQ answers for the ledger as recorded up to that sequence \
            (what the ledger knew then). Without it: everything recorded, judged today. \
            Tables show money in yuan; JSON and CSV in fen, with the names of docs/DOMAIN.md (Query names).
            """,
        subcommands: [Council.self, Committee.self, Project.self, Claims.self])

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

    struct Claims: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claims",
            abstract: "Subsidy claims with the auditors' 骗补 checks.",
            discussion: """
                One row per claim: programme, applicant, person, period, money applied, approved, paid and \
                clawed back, and flags (no-enrolment, no-placement, not-hired, withdrawn, \
                paid-after-withdrawal, duplicate-person-period), each with a sentence. Flags never refuse \
                an event: they are for people to look at.
                """)
        @OptionGroup var common: Common
        @Flag(help: "Only claims with at least one flag.") var flagged = false
        @Option(
            help: "Only this programme (apprenticeship, internship, employment, startup, skillsAward, socialInsurance)."
        )
        var programme: String?
        @Option(help: "Only claims by this applicant member id.") var applicant: String?

        func validate() throws {
            if let programme, SubsidyProgramme(rawValue: programme) == nil {
                throw ValidationError(
                    "--programme must be one of \(SubsidyProgramme.allCases.map(\.rawValue).joined(separator: ", ")), got \(programme)"
                )
            }
        }

        func run() throws {
            let filter = ClaimsQuery.Filter(
                flaggedOnly: flagged, programme: programme.flatMap(SubsidyProgramme.init(rawValue:)),
                applicantId: applicant)
            let reports = try Ledger(path: common.ledger.path).claimReports(filter, asOf: common.when)
            ReportPrinter.print(reports, format: common.format)
        }
    }
}
