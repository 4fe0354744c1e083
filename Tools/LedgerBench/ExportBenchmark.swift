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

    /// Peak resident memory (MiB) of `ledger export` in its own process, start-up included, or
    /// nil without GNU time. Measured by `/usr/bin/time`, whose child is forked from a small
    /// process: a child spawned from this benchmark would report the benchmark's own peak, as
    /// Linux carries `ru_maxrss` over from the memory the child had before `exec`.
    func exportPeakMiB(ledgerPath: String, events: Int) throws -> Double? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let directory = scratch + "/export-cli-\(events)"
        let report = scratch + "/export-cli-\(events).maxrss"
        try? FileManager.default.removeItem(atPath: directory)
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: report)
        }
        let run = try ChildRun.run(
            time, ["-f", "%M", "-o", report, product("ledger"), "export", "--ledger", ledgerPath, "--to", directory])
        guard run.status == 0 else { throw BenchError("ledger export exited \(run.status)") }
        let text = try String(contentsOfFile: report, encoding: .utf8)
        return text.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map {
            $0 / 1024
        }
    }
}
