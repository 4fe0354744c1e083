import ConsortiumLedger
import Foundation
import LedgerClient
import Synchronization
import Testing

@Suite("GET /v1/feed")
struct FeedTests {
    /// Appends `count` training events one request at a time (each its own commit).
    private static func append(_ server: TestServer, _ token: String, ids: Range<Int>) async throws {
        for n in ids {
            let response = try await server.request(.POST, "/v1/events", token: token, body: Seed.training("f\(n)"))
            #expect(response.status == 201)
        }
    }

    @Test func deliversEveryEventExactlyOnceAcrossAReconnectWithLastEventID() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let auditor = try server.token("gov-1", .auditor)
            let follower = FeedFollower(
                remote: try RemoteLedger(url: server.base, token: auditor, client: server.client))
            let seen = Mutex<[UInt64]>([])
            let ids = Mutex<[String]>([])
            @Sendable func note(_ sequence: UInt64, _ line: Substring, stopAt: Int) -> Bool {
                let count = seen.withLock {
                    $0.append(sequence)
                    return $0.count
                }
                if let range = line.range(of: "\"id\":\"") {
                    ids.withLock { $0.append(String(line[range.upperBound...].prefix { $0 != "\"" })) }
                }
                return count < stopAt
            }
            // First connection: the 8 recorded events, then live ones while 20 are appended; leave after 15.
            async let live: Void = Self.append(server, secretariat, ids: 0..<20)
            try await follower.follow(from: 1) { sequence, line in note(sequence, line, stopAt: 15) }
            try await live
            // Recorded while no one follows.
            try await Self.append(server, secretariat, ids: 20..<30)
            let last = seen.withLock { $0.last } ?? 0
            #expect(last == 15)
            // Second connection resumes after the last event received, and gets live ones too.
            async let more: Void = Self.append(server, secretariat, ids: 30..<35)
            try await follower.follow(from: 1, lastEventId: last) { sequence, line in note(sequence, line, stopAt: 43) }
            try await more
            let all = seen.withLock { $0 }
            #expect(all == Array(1...43))
            #expect(Set(ids.withLock { $0 }).count == 43)
        }
    }

    @Test func theFeedIsForSecretariatAndAuditorsOnly() async throws {
        try await withServer { server in
            #expect(try await server.request(.GET, "/v1/feed").status == 401)
            #expect(try await server.request(.GET, "/v1/feed", token: try server.token("s1", .member)).status == 403)
            #expect(
                try await server.request(.GET, "/v1/feed", token: try server.token("gov-1", .council)).status == 403)
            let bad = try await server.request(
                .GET, "/v1/feed", token: try server.token("gov-1", .auditor), headers: [("Last-Event-ID", "x")])
            #expect(bad.status == 400)
        }
    }
}
