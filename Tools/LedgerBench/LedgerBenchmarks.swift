import ConsortiumLedger
import Domain
import Foundation

/// The ledger's jobs on generator data: bulk import, replay, audit, queries.
struct LedgerBenchmarks {
    let scratch: String
    let binDirectory: URL

    /// Generates `events` with the consortium generator (deterministic, seed 7).
    func generate(events: Int) throws -> String {
        let path = scratch + "/history-\(events).jsonl"
        if FileManager.default.fileExists(atPath: path) { return path }
        try run("consortium-gen", ["--events", String(events), "--seed", "7", "--out", path])
        return path
    }

    /// A fresh ledger with `file` imported; returns it and the import rate.
    func importHistory(_ file: String, events: Int) throws -> (Ledger, Double) {
        let path = scratch + "/ledger-\(events)"
        try? FileManager.default.removeItem(atPath: path)
        let ledger = try Ledger.create(path: path)
        let start = now()
        let summary = try ledger.importFiles([ImportInput(path: file)])
        let seconds = now() - start
        guard summary.appended == events else { throw BenchError("import wrote \(summary.appended) of \(events)") }
        return (ledger, Double(events) / seconds)
    }

    /// The ledger `importHistory` left in the scratch directory, checked to hold `events`.
    func importedLedger(events: Int) throws -> Ledger {
        let path = scratch + "/ledger-\(events)"
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else {
            throw BenchError("--reuse: no ledger at \(path); run once without --reuse to import it")
        }
        let ledger = try Ledger(path: path)
        let length = try ledger.head().sequence
        guard length == UInt64(events) else {
            throw BenchError("--reuse: \(path) holds \(length) events, not \(events)")
        }
        return ledger
    }

    /// Replay of the whole log into all the read models (binary payloads, in memory): the rate
    /// and how many entries the models hold (the entities memory should grow with).
    func replayRate(_ ledger: Ledger, events: Int) throws -> (rate: Double, entries: Int) {
        let start = now()
        let replayer = try timed("replay") { try ledger.replay() }
        let seconds = now() - start
        guard replayer.appliedCount == events else {
            throw BenchError("replay folded \(replayer.appliedCount) of \(events)")
        }
        let entries = replayer.council.count + replayer.committee.count + replayer.project.count + replayer.claims.count
        return (Double(events) / seconds, entries)
    }

    /// Audit rate, with or without member-signature verification.
    func auditRate(_ ledger: Ledger, events: Int, signatures: Bool) throws -> Double {
        let start = now()
        let report = try timed(signatures ? "audit, signatures on" : "audit") {
            try ledger.audit(options: AuditOptions(checkSignatures: signatures))
        }
        let seconds = now() - start
        guard report.passed else { throw BenchError("audit failed: \(report.text)") }
        return Double(events) / seconds
    }

    /// In-process council query latency: (p50, p99) in microseconds over `rounds` queries.
    func queryLatency(_ ledger: Ledger, year: Int, rounds: Int = 2_000) throws -> (Double, Double) {
        _ = try ledger.councilReport(year: year)  // catch-up and warm the page cache
        var samples: [Double] = []
        samples.reserveCapacity(rounds)
        for i in 0..<rounds {
            let start = now()
            if i % 2 == 0 {
                _ = try ledger.councilReport(year: year)
            } else {
                _ = try ledger.committeeReports(school: "sch-0001")
            }
            samples.append((now() - start) * 1e6)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
    }

    /// Four processes appending one event per commit at once (`import --batch-size 1`).
    func concurrentAppendRate(ledgerPath: String, perProcess: Int) throws -> Double {
        var files: [String] = []
        for writer in 0..<4 {
            let lines = (0..<perProcess).map { i in
                #"{"id":"bench-w\#(writer)-\#(i)","type":"CouncilResolutionPassed","occurredAt":"\#(ConcurrentAppendBenchmark.occurredOn)","actor":"gov-001","data":{"resolutionId":"W\#(writer)-\#(i)","title":"concurrent"}}"#
            }
            let file = scratch + "/writer-\(writer).jsonl"
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let start = now()
        let processes = try files.map { file in
            try launch("ledger", ["import", file, "--batch-size", "1", "--ledger", ledgerPath])
        }
        for process in processes {
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchError("concurrent writer failed") }
        }
        return Double(4 * perProcess) / (now() - start)
    }

    @discardableResult
    func run(_ product: String, _ arguments: [String], quiet: Bool = false) throws -> Int32 {
        let process = try launch(product, arguments, quiet: quiet)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(
                "\(product) \(arguments.prefix(3).joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return process.terminationStatus
    }

    func launch(_ product: String, _ arguments: [String], quiet: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = binDirectory.appendingPathComponent(product)
        process.arguments = arguments
        if quiet {
            process.standardOutput = FileHandle.nullDevice
        }
        try process.run()
        return process
    }
}
