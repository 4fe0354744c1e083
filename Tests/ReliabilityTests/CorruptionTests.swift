import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

@Suite("Corruption of a closed ledger")
struct CorruptionTests {
    /// Flips a byte, truncates the file or zeroes a page in a copy of `data.mdb`, 40 times, and
    /// runs `ledger verify` on each copy in a child process. Whenever the damage lies inside a live
    /// record's bytes, verify exits 1 naming that record's sequence; whenever verify exits 0, the
    /// log shows every event exactly as before. A crash of the reader (LMDB on a broken page) is
    /// counted and reported, never taken for a clean result.
    @Test func alteredRecordBytesAreNeverAcceptedSilently() throws {
        let seed = SeededRandom.seed(fallback: 40_404)
        let torture = CorruptionTorture(trials: 40, seed: seed)
        let report = try torture.run(in: TemporaryDirectory("reliability-corrupt"))
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.joined(separator: "\n"))")
        #expect(report.trials == 40)
        #expect(report.recordFlips >= 5, "too few flips hit a record to prove anything")
        #expect(report.recordFlipsNamed == report.recordFlips)
        #expect(report.hangs == 0)
        print("corruption (seed \(seed)): \(report)")
    }

    /// A flipped byte in the middle of a record's payload names exactly that record, on every
    /// record position of a small ledger's first, middle and last record.
    @Test(arguments: ["first", "middle", "last"])
    func flippedRecordByteIsNamedBySequence(position: String) throws {
        let dir = TemporaryDirectory("reliability-flip")
        let pristine = dir.file("ledger")
        do {
            let ledger = try Ledger.create(path: pristine)
            let history = try GeneratedHistory.write(events: 120, seed: 3, in: dir)
            _ = try ledger.importFiles([ImportInput(path: history)], options: ImportOptions(batchSize: 10))
        }
        let layout = try RecordLayout.measure(ledgerPath: pristine)
        let values = layout.spans.filter { $0.part == .value }.sorted { $0.sequence < $1.sequence }
        let span = position == "first" ? values.first! : position == "last" ? values.last! : values[values.count / 2]
        let copy = dir.file("copy")
        try copyLedger(from: pristine, to: copy)
        try FileDamage.flip(offset: span.range.lowerBound + span.range.count / 2, mask: 0x01).apply(
            to: copy + "/data.mdb")
        let verify = try ChildProcess.run("ledger", ["verify", "--ledger", copy], limit: 120)
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stderr.contains("sequence \(span.sequence)"), "\(verify)")
    }
}
