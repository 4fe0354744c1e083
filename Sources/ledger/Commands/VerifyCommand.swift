import ArgumentParser
import ConsortiumLedger

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain from genesis and report the first damaged record.",
        discussion: "Exit status 0 when every record links to its predecessor; 1 otherwise.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let opened = try Ledger(path: ledger.path)
        let bar = ProgressBar(label: "verify", total: try opened.eventCount())
        let report = try opened.verifyChain { bar.update($0) }
        bar.finish()
        if let failure = report.firstFailure {
            Terminal.printError(
                "chain broken at sequence \(failure.sequence): \(failure.reason) (\(report.verified) records verified before it)"
            )
            throw ExitCode(1)
        }
        print("chain intact: \(report.verified) records, head \(report.headHash.hex)")
    }
}
