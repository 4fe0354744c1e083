import AsyncHTTPClient
import ConsortiumLedger
import Foundation
import LedgerTesting
import NIOCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ledger serve --http` has two doors, the Unix socket of `ledger append` and `POST /v1/events`;
/// both feed one group commit, so appends arriving together through either share a sync.
@Suite("ledger serve: one group commit for both doors", .serialized)
struct SharedGroupCommitTests {
    static let socketWriters = 3
    static let socketLines = 40
    static let httpWriters = 16
    static let httpLines = 10

    @Test func socketAndHTTPAppendsShareOneQueueAndLandInOneOrderedLog() async throws {
        let serve = try ServeProcess()
        let token = try serve.token("gov-1", "secretariat")
        let before = Int(try Ledger(path: serve.ledgerPath).eventCount())
        try serve.start()
        let socketClients = try (0..<Self.socketWriters).map { writer in
            let input = (0..<Self.socketLines).map { Seed.training("s\(writer)-\($0)") }.joined(separator: "\n")
            return try ChildProcess(
                product: "ledger", ["append", "--lines", "--in-flight", "8", "--ledger", serve.ledgerPath],
                stdin: Data(input.utf8))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let acknowledged = Acknowledged()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<Self.httpWriters {
                group.addTask {
                    for n in 0..<Self.httpLines {
                        var request = HTTPClientRequest(url: serve.base + "/v1/events")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        request.body = .bytes(ByteBuffer(string: Seed.training("h\(writer)-\(n)")))
                        let response = try await client.execute(request, timeout: .seconds(120))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        #expect(response.status.code == 201)
                        if response.status.code == 201 { _ = acknowledged.add("h\(writer)-\(n)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await client.shutdown()
        for socketClient in socketClients {
            let result = socketClient.wait(limit: 120)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").filter { $0.contains("appended") }.count == Self.socketLines)
        }
        let stopped = try #require(serve.kill(SIGTERM))
        #expect(stopped.status == 0, "\(stopped)")
        // "stopped: N appends in M commits" counts the one queue: both doors' appends are in it.
        let numbers = stopped.stdout.split(separator: "\n").first { $0.hasPrefix("stopped:") }
            .map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } }
        let total = Self.socketWriters * Self.socketLines + Self.httpWriters * Self.httpLines
        #expect(numbers?.first == total, "\(stopped.stdout)")
        #expect((numbers?.last ?? .max) < total, "commits were shared: \(stopped.stdout)")
        #expect(acknowledged.count == Self.httpWriters * Self.httpLines)

        let ledger = try Ledger(path: serve.ledgerPath)
        #expect(try ledger.eventCount() == UInt64(before + total))
        var sequences: [UInt64] = []
        for writer in 0..<Self.socketWriters {
            for n in 0..<Self.socketLines {
                sequences.append(try #require(try ledger.sequence(ofEventId: "s\(writer)-\(n)")))
            }
        }
        for id in acknowledged.ids { sequences.append(try #require(try ledger.sequence(ofEventId: id))) }
        // One ordered log: every append at its own sequence, right after the seed, no gaps.
        #expect(sequences.sorted() == Array(UInt64(before + 1)...UInt64(before + total)))
        let audit = try serve.run(["audit"])
        #expect(audit.status == 0, "\(audit.stdout) \(audit.stderr)")
    }
}
