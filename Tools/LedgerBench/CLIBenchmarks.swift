import Foundation

/// The command line measured end to end, one process per call, as an operator's shell runs it.
extension LedgerBenchmarks {
    func product(_ name: String) -> String { binDirectory.appendingPathComponent(name).path }

    /// `ledger query council` end to end, process start included: p50 in milliseconds.
    func cliQueryLatency(ledgerPath: String, year: Int, rounds: Int = 30) throws -> Double {
        let arguments = ["query", "council", "--year", String(year), "--format", "json", "--ledger", ledgerPath]
        _ = try checked("ledger", arguments)  // catch-up and a warm page cache, as for the in-process query
        var samples: [Double] = []
        for _ in 0..<rounds { samples.append(try checked("ledger", arguments).seconds * 1e3) }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// `ledger append` one event per process: the CLI's single durable append rate.
    func cliAppendRate(ledgerPath: String, count: Int) throws -> Double {
        let start = now()
        for i in 0..<count {
            let line =
                #"{"id":"bench-cli-\#(i)","type":"CouncilResolutionPassed","occurredAt":"2030-01-01","actor":"gov-001","data":{"resolutionId":"BENCH-\#(i)","title":"benchmark"}}"#
            _ = try checked("ledger", ["append", line, "--ledger", ledgerPath])
        }
        return Double(count) / (now() - start)
    }

    /// The same shape in C: one `lmdb-anchor` process per durable commit of one 300-byte record
    /// (each in a fresh directory, as the anchor cannot append to an existing one). What a
    /// process per event costs at the least, beside which the CLI's own overhead shows.
    func processPerCommitAnchorRate(count: Int) throws -> Double {
        let root = scratch + "/anchor-process-per-commit"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<count {
            try FileManager.default.createDirectory(atPath: root + "/\(i)", withIntermediateDirectories: false)
        }
        let start = now()
        for i in 0..<count { _ = try checked("lmdb-anchor", [root + "/\(i)", "1", "1", "300"]) }
        return Double(count) / (now() - start)
    }

    /// Runs one of the package's products and fails unless it exits 0.
    func checked(_ name: String, _ arguments: [String]) throws -> ChildRun {
        let result = try ChildRun.run(product(name), arguments)
        guard result.status == 0 else {
            throw BenchError("\(name) \(arguments.prefix(3).joined(separator: " ")) exited \(result.status)")
        }
        return result
    }
}
