import ConsortiumLedger
import Domain
import Foundation

/// Concurrent appenders, one event per append: through `ledger serve` (group commit across
/// processes) and through one `GroupCommitQueue` shared by threads (group commit in process).
struct ConcurrentAppendBenchmark {
    let bench: LedgerBenchmarks
    var scratch: String { bench.scratch }

    struct Figure {
        var rate: Double
        var appends: Int
        var commits: Int
        var events: Int
    }

    /// Yesterday (UTC): an event may not claim to have happened after it is recorded, and a
    /// fixed future date (2030) is now refused as implausible.
    static let occurredOn: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(-86_400))
    }()

    static func line(_ tag: String, _ writer: Int, _ i: Int) -> String {
        #"{"id":"bench-\#(tag)\#(writer)-\#(i)","type":"CouncilResolutionPassed","occurredAt":"\#(occurredOn)","actor":"gov-001","data":{"resolutionId":"\#(tag.uppercased())\#(writer)-\#(i)","title":"concurrent"}}"#
    }

    /// `processes` × `ledger append --lines` (each line its own durable append) through a
    /// running `ledger serve`; each client keeps up to `inFlight` appends awaiting their commit.
    func throughServer(ledgerPath: String, processes: Int, perProcess: Int, inFlight: Int) throws -> Figure {
        let tag = "s\(inFlight)-"
        let files = try (0..<processes).map { writer in
            let file = scratch + "/served-\(writer).jsonl"
            let text = (0..<perProcess).map { Self.line(tag, writer, $0) }.joined(separator: "\n")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        let server = Process()
        server.executableURL = bench.binDirectory.appendingPathComponent("ledger")
        server.arguments = ["serve", "--ledger", ledgerPath]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        let reader = out.fileHandleForReading
        guard String(decoding: reader.availableLineData(), as: UTF8.self).hasPrefix("serving") else {
            throw BenchError("ledger serve did not start")
        }
        let start = now()
        let clients = try files.map { file in
            let client = Process()
            client.executableURL = bench.binDirectory.appendingPathComponent("ledger")
            client.arguments = ["append", "--lines", "--in-flight", String(inFlight), "--ledger", ledgerPath]
            client.standardInput = FileHandle(forReadingAtPath: file)
            client.standardOutput = FileHandle.nullDevice
            try client.run()
            return client
        }
        for client in clients {
            client.waitUntilExit()
            guard client.terminationStatus == 0 else { throw BenchError("served appender failed") }
        }
        let seconds = now() - start
        server.terminate()
        let stats = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        server.waitUntilExit()
        // "stopped: N appends in M commits"
        let numbers = stats.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 2, numbers[0] == processes * perProcess else {
            throw BenchError("server did not take every append: \(stats)")
        }
        let events = processes * perProcess
        return Figure(rate: Double(events) / seconds, appends: numbers[0], commits: numbers[1], events: events)
    }

    /// `threads` threads appending one event per append through one `GroupCommitQueue`.
    func inProcess(_ ledger: Ledger, threads: Int, perThread: Int) throws -> Figure {
        let queue = GroupCommitQueue(ledger: ledger)
        let requests = try (0..<threads).map { writer in
            try (0..<perThread).map { i in
                try AppendRequest(lines: [ImportLine.parse(json: Self.line("t\(threads)-", writer, i))])
            }
        }
        let failures = FailureCount()
        let done = DispatchGroup()
        let start = now()
        for batch in requests {
            done.enter()
            Thread {
                for request in batch where (try? queue.append(request)) == nil { failures.add() }
                done.leave()
            }.start()
        }
        done.wait()
        let seconds = now() - start
        queue.close()
        guard failures.value == 0 else { throw BenchError("\(failures.value) in-process appends failed") }
        let events = threads * perThread
        return Figure(
            rate: Double(events) / seconds, appends: queue.batchCount, commits: queue.commitCount, events: events)
    }
}

private final class FailureCount: Sendable {
    private let count = Locked(0)
    var value: Int { count.value }
    func add() { count.withLock { $0 += 1 } }
}

extension FileHandle {
    /// Bytes up to the next newline (blocking), without reading past it.
    func availableLineData() -> Data {
        var line = Data()
        while let byte = try? read(upToCount: 1), let first = byte.first, first != 0x0A { line.append(first) }
        return line
    }
}
