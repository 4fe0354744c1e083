import ConsortiumLedger
import Foundation

/// The nightly export: its rate in process and its peak memory as the `ledger export` command.
extension LedgerBenchmarks {
    /// Events per second of a whole snapshot (events.jsonl, read models, SHA-256 of every file,
    /// signed checkpoint, fsyncs and the final rename), best of `rounds`.
    func exportRate(_ ledger: Ledger, events: Int, rounds: Int = 2) throws -> Double {
        var best = 0.0
        for round in 0..<rounds {
            let directory = scratch + "/export-\(events)-\(round)"
            try? FileManager.default.removeItem(atPath: directory)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let start = now()
            let summary = try ledger.export(to: directory)
            let seconds = now() - start
            guard summary.manifest.sequences.count == events else {
                throw BenchError("export wrote \(summary.manifest.sequences.count) of \(events) events")
            }
            best = max(best, Double(events) / seconds)
        }
        return best
    }

    /// Peak resident memory (MiB) of `ledger export` in its own process, start-up included.
    func exportPeakMiB(ledgerPath: String, events: Int) throws -> Double {
        let directory = scratch + "/export-cli-\(events)"
        try? FileManager.default.removeItem(atPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try checked("ledger", ["export", "--ledger", ledgerPath, "--to", directory]).peakMiB
    }
}
