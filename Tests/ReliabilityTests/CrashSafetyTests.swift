import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

@Suite("Crash safety")
struct CrashSafetyTests {
    /// A child imports a generated history in batches, printing `ack N` after each commit; it is
    /// SIGKILLed at random points (≥ 20 times, alternating `Ledger.append` per batch and
    /// `importFiles` chunks). After every kill: `ledger verify` is clean, every acknowledged event
    /// is there in file order, the count sits on a batch boundary (no half batch) with at most the
    /// one in-flight batch beyond the acknowledged ones, and re-running resumes by id to the end.
    @Test func acknowledgedBatchesSurviveSigkill() throws {
        let seed = SeededRandom.seed(fallback: 20_251_124)
        var torture = CrashTorture(kills: 20, seed: seed)
        torture.events = 900
        torture.batchSize = 30
        let report = try torture.run(in: TemporaryDirectory("reliability-crash"))
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.joined(separator: "\n"))")
        #expect(report.kills >= 20)
        #expect(report.eventsLost == 0)
        #expect(report.completedImports >= 1, "the interrupted import never resumed to completion")
        #expect(report.acknowledgedEvents > 0, "no batch was ever acknowledged: the kills proved nothing")
    }
}
