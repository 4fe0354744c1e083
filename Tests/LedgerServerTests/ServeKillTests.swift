import AsyncHTTPClient
import ConsortiumLedger
import Foundation
import LedgerTesting
import NIOCore
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ledger serve --http under kill", .serialized)
struct ServeKillTests {
    static let clients = 64

    /// 64 clients append single events as fast as the server acknowledges them; the server is
    /// SIGKILLed mid-stream. Every acknowledged event is in the log, and the log audits clean.
    @Test func sigkillDuringConcurrentAppendsLosesNoAcknowledgedEvent() async throws {
        let serve = try ServeProcess()
        let token = try serve.token("gov-1", "secretariat")
        try serve.start()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: Self.clients)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let acknowledged = Acknowledged()
        let killAfter = 600
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<Self.clients {
                group.addTask {
                    for n in 0..<10_000 {
                        let id = "k\(writer)-\(n)"
                        var request = HTTPClientRequest(url: serve.base + "/v1/events")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        request.body = .bytes(ByteBuffer(string: Seed.training(id)))
                        guard let response = try? await client.execute(request, timeout: .seconds(30)) else { return }
                        let body = try? await response.body.collect(upTo: 1 << 20)
                        guard response.status.code == 201, body != nil else { return }
                        let total = acknowledged.add(id)
                        if total >= 1_000_000 { return }
                    }
                }
            }
            group.addTask {
                while acknowledged.count < killAfter { try await Task.sleep(for: .milliseconds(5)) }
                let result = serve.kill(SIGKILL)
                #expect(result?.outcome == .signalled(SIGKILL), "\(String(describing: result))")
            }
            try await group.waitForAll()
        }
        try await client.shutdown()
        let acked = acknowledged.ids
        #expect(acked.count >= killAfter)
        let ledger = try Ledger(path: serve.ledgerPath)
        var missing: [String] = []
        for id in acked where try ledger.sequence(ofEventId: id) == nil { missing.append(id) }
        #expect(missing.isEmpty, "acknowledged but not recorded: \(missing.prefix(10))")
        let audit = try serve.run(["audit"])
        #expect(audit.status == 0, "audit after SIGKILL: \(audit.stdout) \(audit.stderr)")
    }

    /// SIGTERM lets appends in flight finish: everything acknowledged is recorded, and the
    /// process exits 0 after its drain.
    @Test func sigtermDrainsAndExitsCleanly() async throws {
        let serve = try ServeProcess()
        let token = try serve.token("gov-1", "secretariat")
        try serve.start()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var acked: [String] = []
        for n in 0..<20 {
            var request = HTTPClientRequest(url: serve.base + "/v1/events")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.body = .bytes(ByteBuffer(string: Seed.training("d\(n)")))
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
            if response.status.code == 201 { acked.append("d\(n)") }
        }
        try await client.shutdown()
        let result = serve.kill(SIGTERM)
        #expect(result?.status == 0, "\(String(describing: result))")
        #expect(acked.count == 20)
        let ledger = try Ledger(path: serve.ledgerPath)
        #expect(try ledger.eventCount() == 28)
    }
}

/// Ids the server acknowledged, from many client tasks.
final class Acknowledged: Sendable {
    private let list = Mutex<[String]>([])
    /// Adds `id`; returns how many there are now.
    func add(_ id: String) -> Int {
        list.withLock {
            $0.append(id)
            return $0.count
        }
    }
    var count: Int { list.withLock { $0.count } }
    var ids: [String] { list.withLock { $0 } }
}
