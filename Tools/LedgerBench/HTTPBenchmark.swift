import AsyncHTTPClient
import Foundation
import LedgerClient
import NIOCore
import NIOPosix
import Synchronization

/// The network service under load: `ledger serve --http` in a child process, 64 concurrent
/// HTTP clients appending one event per request (each acknowledged after its synced group
/// commit), tier queries timed while they write, and one feed follower reading the whole log.
struct HTTPBenchmark {
    let bench: LedgerBenchmarks
    static let clients = 64

    struct Figures {
        var appendRate: Double
        var appends: Int
        var appendP50Ms: Double
        var appendP99Ms: Double
        var queryP50Ms: Double
        var queryP99Ms: Double
        var queries: Int
        var feedRate: Double
        var feedEvents: Int
        /// CPU seconds per acknowledged append while the 64 clients ran: the server's, and this
        /// process's (the clients and the query reader); nil where /proc is not there.
        var serverCPUPerAppend: Double?
        var clientCPUPerAppend: Double
    }

    func run(ledgerPath: String, perClient: Int) throws -> Figures {
        let ledger = bench.binDirectory.appendingPathComponent("ledger").path
        func token(_ role: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ledger)
            process.arguments = ["token", "issue", "--member", "gov-001", "--role", role, "--ledger", ledgerPath]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let writer = try token("secretariat")
        let auditor = try token("auditor")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: ledger)
        server.arguments = ["serve", "--ledger", ledgerPath, "--http", "127.0.0.1:0"]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var port = 0
        while port == 0 {
            let line = String(decoding: out.fileHandleForReading.availableLineData(), as: UTF8.self)
            if line.isEmpty, !server.isRunning { throw BenchError("ledger serve --http did not start") }
            if line.hasPrefix("listening on "), let found = line.split(separator: ":").last.flatMap({ Int($0) }) {
                port = found
            }
        }
        let base = "http://127.0.0.1:\(port)"
        let serverPID = server.processIdentifier
        return try blocking {
            try await measure(base: base, writer: writer, reader: auditor, perClient: perClient, serverPID: serverPID)
        }
    }

    private func measure(
        base: String, writer: String, reader: String, perClient: Int, serverPID: Int32
    ) async throws -> Figures {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.clients + 4)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        // The reader is another program than the 64 writers (a dashboard), so it has its own
        // client and event loop: on the writers' loops each query's response waited in their
        // queue behind dozens of appends' before it was timed as answered.
        let readerLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let readerClient = HTTPClient(eventLoopGroup: readerLoop)
        do {
            let figures = try await measure(
                base: base, writer: writer, reader: reader, perClient: perClient, serverPID: serverPID,
                client: client, readerClient: readerClient)
            try await readerClient.shutdown()
            try await client.shutdown()
            try await readerLoop.shutdownGracefully()
            return figures
        } catch {
            try? await readerClient.shutdown()
            try? await client.shutdown()
            try? await readerLoop.shutdownGracefully()
            throw error
        }
    }

    private func measure(
        base: String, writer: String, reader: String, perClient: Int, serverPID: Int32, client: HTTPClient,
        readerClient: HTTPClient
    ) async throws -> Figures {
        let appendLatencies = Samples()
        let queryLatencies = Samples()
        let writing = Flag()
        let serverCPUBefore = cpuSeconds(ofProcess: serverPID)
        let clientCPUBefore = cpuSeconds()
        let start = now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writerIndex in 0..<Self.clients {
                group.addTask {
                    for i in 0..<perClient {
                        var request = HTTPClientRequest(url: base + "/v1/events")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(writer)")
                        request.body = .bytes(ByteBuffer(string: ConcurrentAppendBenchmark.line("h", writerIndex, i)))
                        let sent = now()
                        let response = try await client.execute(request, timeout: .seconds(60))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        guard response.status.code == 201 else {
                            throw BenchError("HTTP append answered \(response.status.code)")
                        }
                        let ms = (now() - sent) * 1000
                        appendLatencies.add(ms)
                    }
                }
            }
            group.addTask {
                // Queries while the writers run: the tiers a council dashboard polls.
                let paths = ["/v1/council?year=2024", "/v1/committee?school=sch-0001", "/v1/projects?id=PJ00001"]
                var n = 0
                while writing.isSet {
                    var request = HTTPClientRequest(url: base + paths[n % paths.count])
                    request.headers.add(name: "Authorization", value: "Bearer \(reader)")
                    let sent = now()
                    let response = try await readerClient.execute(request, timeout: .seconds(60))
                    _ = try await response.body.collect(upTo: 64 << 20)
                    guard response.status.code == 200 else {
                        throw BenchError("query answered \(response.status.code)")
                    }
                    let ms = (now() - sent) * 1000
                    queryLatencies.add(ms)
                    n += 1
                }
            }
            for _ in 0..<Self.clients { try await group.next() }
            writing.clear()
            try await group.waitForAll()
        }
        let seconds = now() - start
        let clientCPU = cpuSeconds() - clientCPUBefore
        let serverCPU = cpuSeconds(ofProcess: serverPID).flatMap { after in serverCPUBefore.map { after - $0 } }
        let appends = appendLatencies.sorted()
        let queries = queryLatencies.sorted()

        // One follower reads the whole log from sequence 1 through the SSE feed.
        let total = try await headSequence(base: base, client: client)
        let follower = FeedFollower(remote: try RemoteLedger(url: base, token: reader, client: client))
        let received = Samples()
        let feedStart = now()
        try await follower.follow(from: 1) { sequence, _ in
            received.add(0)
            return sequence < total
        }
        let feedSeconds = now() - feedStart
        let feedEvents = received.count
        return Figures(
            appendRate: Double(appends.count) / seconds, appends: appends.count,
            appendP50Ms: percentile(appends, 0.50), appendP99Ms: percentile(appends, 0.99),
            queryP50Ms: percentile(queries, 0.50), queryP99Ms: percentile(queries, 0.99), queries: queries.count,
            feedRate: Double(feedEvents) / feedSeconds, feedEvents: feedEvents,
            serverCPUPerAppend: serverCPU.map { $0 / Double(max(appends.count, 1)) },
            clientCPUPerAppend: clientCPU / Double(max(appends.count, 1)))
    }

    /// Where the CPU of an append goes, beside what 10× the anchor would allow: that rate on
    /// this machine's cores leaves each append at most cores / (10 × anchor) of CPU, server and
    /// clients together.
    static func cpuBudget(_ figures: Figures, anchorRate: Double) -> String {
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let budget = cores / (10 * anchorRate) * 1e6
        let server = figures.serverCPUPerAppend.map { String(format: "%.0f", $0 * 1e6) } ?? "?"
        return String(
            format: "CPU per append: server %@ µs, clients %.0f µs; 10× the anchor on %.0f cores allows %.0f µs",
            server, figures.clientCPUPerAppend * 1e6, cores, budget)
    }

    private func headSequence(base: String, client: HTTPClient) async throws -> UInt64 {
        let response = try await client.execute(HTTPClientRequest(url: base + "/healthz"), timeout: .seconds(30))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 16))
        let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        return (object?["events"] as? NSNumber)?.uint64Value ?? 0
    }
}

/// Runs async work from the benchmark's synchronous driver.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    try runBlocking(body)
}

/// Latencies collected by concurrent tasks.
private final class Samples: Sendable {
    private let values = Mutex<[Double]>([])
    func add(_ value: Double) { values.withLock { $0.append(value) } }
    func sorted() -> [Double] { values.withLock { $0 }.sorted() }
    var count: Int { values.withLock { $0.count } }
}

/// Whether the writers still run.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(true)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func clear() { value.store(false, ordering: .relaxed) }
}
