import ConsortiumLedger
import Domain
import Foundation

/// `--as-of` through the CLI binary, one process per query as an auditor's shell runs it, beside
/// the head query of the same run: what the read-model snapshots buy (docs/TIME-TRAVEL.md).
struct AsOfBenchmark {
    struct Figures {
        var p50: Double
        var p99: Double
        var peakMiB: Double
    }

    let bench: LedgerBenchmarks

    /// Latency percentiles (ms) over `calls`, one process each, and the largest peak RSS of the
    /// first few under `/usr/bin/time` (a spawned child's own `ru_maxrss` starts from the parent's).
    func measure(_ calls: [[String]]) throws -> Figures {
        guard let first = calls.first else { return Figures(p50: 0, p99: 0, peakMiB: 0) }
        _ = try bench.checked("ledger", first)  // page cache warm, as for the head query
        var samples: [Double] = []
        for arguments in calls {
            let run = try bench.checked("ledger", arguments)
            samples.append(run.seconds * 1e3)
        }
        var peak = 0.0
        for arguments in calls.prefix(5) { peak = max(peak, try peakMiB(arguments) ?? 0) }
        samples.sort()
        let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
        return Figures(p50: samples[samples.count / 2], p99: p99, peakMiB: peak)
    }

    /// Head, as-of DATE (random days, a third of them month ends) and as-of SEQ (random sequences)
    /// council queries, `rounds` each, same seed every run.
    func run(ledgerPath: String, status: SnapshotStatus, rounds: Int = 40) throws -> (
        head: Figures, date: Figures, sequence: Figures
    ) {
        var seeded = SplitMix(seed: 21)
        let first = status.firstMonthEnd ?? LocalDate(year: 2023, month: 1, day: 31)!
        let last = status.lastMonthEnd ?? first
        let span = max(last.days(since: first), 1)
        func query(_ year: Int, _ asOf: String?) -> [String] {
            var arguments = ["query", "council", "--year", String(year), "--format", "json", "--ledger", ledgerPath]
            if let asOf { arguments += ["--as-of", asOf] }
            return arguments
        }
        let head = try measure((0..<rounds).map { _ in query(last.year, nil) })
        let dates = (0..<rounds).map { i -> LocalDate in
            let day = first.adding(days: Int(seeded.next() % UInt64(span)))
            guard i % 3 == 0, let next = LocalDate(year: day.year, month: day.month, day: 1) else { return day }
            return next.adding(days: -1)  // the month end before it: exactly a snapshot
        }
        let date = try measure(dates.map { query($0.year, $0.iso8601) })
        let sequences = (0..<rounds).map { _ in 1 + seeded.next() % max(status.head, 1) }
        let sequence = try measure(sequences.map { query(last.year, String($0)) })
        return (head, date, sequence)
    }
}

extension AsOfBenchmark {
    /// `ledger ARGUMENTS` under `/usr/bin/time -f %M`: its peak resident memory in MiB.
    func peakMiB(_ arguments: [String]) throws -> Double? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let report = bench.scratch + "/asof-\(getpid()).maxrss"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let run = try ChildRun.run(time, ["-f", "%M", "-o", report, bench.product("ledger")] + arguments)
        guard run.status == 0 else {
            throw BenchError("ledger \(arguments.prefix(3).joined(separator: " ")) exited \(run.status)")
        }
        let text = try String(contentsOfFile: report, encoding: .utf8)
        return text.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map {
            $0 / 1024
        }
    }
}

/// SplitMix64: the same query dates and sequences every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
