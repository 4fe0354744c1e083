import ArgumentParser
import ConsortiumLedger
import Domain
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Replay and verify the whole history: chain, Merkle checkpoints, signatures, rules, read models.",
        discussion: """
            Replays every event from genesis in scratch space: verifies the hash chain, each stored \
            signed checkpoint's root and signature, every member signature against the key valid at \
            that sequence and the consortium rules; rebuilds every read model and compares its digest \
            with the live one. Exit status 0 only when everything holds; otherwise the report names \
            the first failing sequence and why.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print the report as JSON.") var json = false
    @Flag(
        help:
            "Skip member-signature verification (faster; signatures are still required to be present when the ledger demands them)."
    )
    var noSignatures = false

    func run() throws {
        let opened = try Ledger(path: ledger.path)
        let bar = ProgressBar(label: "audit", total: try opened.eventCount())
        let report = try opened.audit(options: AuditOptions(checkSignatures: !noSignatures)) { bar.update($0) }
        bar.finish()
        // The dashboard's ledger-health page shows when the history was last verified.
        do { try opened.recordLastAudit(report) } catch {
            Terminal.printError("ledger: the audit result was not recorded: \(error)")
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(ControlCharacters.escaped(report.text, keepingLineFeeds: true))
        }
        if !report.passed { throw ExitCode(1) }
    }
}
