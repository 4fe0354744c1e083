import ConsortiumLedger
import Domain
import Foundation
import LedgerClient
import LedgerServer
import Testing

/// `ledger serve --http` has two doors into one group commit: an append through the Unix socket
/// (`ledger append` beside the server) wakes `/v1/feed` followers as an HTTP append does, not
/// only the feed's periodic re-read.
@Suite("GET /v1/feed: woken by Unix-socket appends")
struct FeedWakeTests {
    /// How long the test waits for the event: a bound, not a timing claim.
    static let bound: Duration = .seconds(10)

    @Test func anAppendThroughTheSocketReachesAFollowerWithoutTheReRead() async throws {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        // The re-read would find the event only after an hour: only a wake-up delivers it in time.
        configuration.feedRecheckSeconds = 3_600
        let server = try await TestServer(configuration: configuration, sharedQueue: true)
        let socket = try AppendServer(ledger: server.ledger, queue: server.server.api.queue)
        let accepting = Thread { socket.run() }
        accepting.start()
        let auditor = try server.token("gov-1", .auditor)
        let follower = FeedFollower(remote: try RemoteLedger(url: server.base, token: auditor, client: server.client))
        let seen = Locked<[(UInt64, String)]>([])
        let tookSocket = Locked<Bool?>(nil)
        let line = try ImportLine.parse(json: Seed.training("via-socket"))
        let batch: AppendRoute.Batch = [(Seed.training("via-socket"), try PreparedLine.preparing(line, signer: nil))]
        let ledgerPath = server.path
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await follower.follow(from: 1) { sequence, text in
                    seen.withLock { $0.append((sequence, String(text))) }
                    if sequence == UInt64(Seed.consortium.count) {
                        // The feed has sent what was recorded and now waits: append through the socket.
                        Thread {
                            let viaServer = try? AppendRoute(ledgerPath: ledgerPath).append([batch]) { _, _ in }
                            tookSocket.withLock { $0 = viaServer }
                        }.start()
                    }
                    return sequence <= UInt64(Seed.consortium.count)
                }
            }
            group.addTask {
                // Past the bound the server stops, which ends the feed whatever it got.
                try? await Task.sleep(for: Self.bound)
                server.server.stop()
            }
            try await group.next()
            group.cancelAll()
        }
        let events = seen.withLock { $0 }
        #expect(events.map(\.0) == Array(1...UInt64(Seed.consortium.count + 1)))
        #expect(events.last?.1.contains("\"id\":\"via-socket\"") == true, "\(events.last?.1 ?? "")")
        #expect(tookSocket.withLock { $0 } == true, "the append went through the server's socket")
        try await server.stop()
        socket.stop()
    }
}
