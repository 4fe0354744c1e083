import ConsortiumLedger
import Foundation
import LedgerServer
import LedgerTesting
import Testing

@Suite("Hostile requests")
struct HostileRequestTests {
    /// The server for requests that stop half way: short, so they are closed quickly; a bound,
    /// not a timing claim.
    static let stallingIdleTimeout = 2.0
    /// Small, so a chunked body over it costs the test little.
    static let maxBody = 64 * 1024

    /// 1,000 malformed or hostile requests of many kinds: every complete one — and every one
    /// refused while its body is still coming (413, 401, 400 on broken framing, a header flood)
    /// — gets its 4xx, every time: the server's lingering close keeps a reset from overtaking
    /// the answer. One that stops half way (unfinished head, slowloris, stalled body) gets a 4xx
    /// or is closed by the server's idle timeout — never left hanging. Nothing is written, and
    /// the servers still answer afterwards. The complete requests go to a server with the
    /// default idle timeout, so on a loaded machine no slow answer is cut by it; the stalling
    /// ones to a server that gives up on them after 2 s.
    @Test func aThousandHostileRequestsGet4xxAndTheServerSurvives() async throws {
        let answering = ServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: Self.maxBody)
        let stallingConfiguration = ServerConfiguration(
            host: "127.0.0.1", port: 0, maxBodyBytes: Self.maxBody, idleTimeoutSeconds: Self.stallingIdleTimeout)
        try await withServer(configuration: answering) { server in
            try await withServer(configuration: stallingConfiguration) { stallingServer in
                try await Self.send(to: server, stallingTo: stallingServer)
            }
        }
    }

    static func send(to server: TestServer, stallingTo stallingServer: TestServer) async throws {
        let secretariat = try server.token("gov-1", .secretariat)
        let auth = "Authorization: Bearer \(secretariat)"
        var random = SeededRandom(seed: 13)
        func junk(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        let kinds: [(String, () -> [UInt8])] = [
            (
                "bad JSON",
                { RawHTTP.request("POST", "/v1/events", headers: [auth], body: Array("{\"type\":[1,".utf8)) }
            ),
            ("binary body", { RawHTTP.request("POST", "/v1/events", headers: [auth], body: junk(300)) }),
            (
                "deep nesting",
                {
                    RawHTTP.request(
                        "POST", "/v1/events", headers: [auth],
                        body: Array((String(repeating: "[", count: 5000)).utf8))
                }
            ),
            (
                "wrong shape",
                { RawHTTP.request("POST", "/v1/events", headers: [auth], body: Array("[1,\"x\",null]".utf8)) }
            ),
            ("empty array", { RawHTTP.request("POST", "/v1/events", headers: [auth], body: Array("[]".utf8)) }),
            (
                "claimed huge body",
                {
                    Array(
                        "POST /v1/events HTTP/1.1\r\nHost: x\r\n\(auth)\r\nContent-Length: 999999999\r\n\r\n{".utf8)
                }
            ),
            (
                "body over the limit, still coming",
                {
                    RawHTTP.request(
                        "POST", "/v1/events", headers: [auth], body: Array(repeating: UInt8(ascii: "x"), count: 300_000)
                    )
                }
            ),
            (
                "no token, body still coming",
                { RawHTTP.request("POST", "/v1/events", body: Array(repeating: UInt8(ascii: "{"), count: 300_000)) }
            ),
            ("path traversal", { RawHTTP.request("GET", "/v1/../../etc/passwd") }),
            ("encoded traversal", { RawHTTP.request("GET", "/v1/proofs/inclusion/..%2F..%2Fetc%2Fpasswd") }),
            ("double slashes", { RawHTTP.request("GET", "//v1//events//") }),
            ("unknown route", { RawHTTP.request("GET", "/v1/admin") }),
            ("wrong method", { RawHTTP.request("DELETE", "/v1/events", headers: [auth]) }),
            (
                "header flood",
                {
                    RawHTTP.request(
                        "GET", "/v1/council?year=2025",
                        headers: (0..<2000).map { "X-Flood-\($0): " + String(repeating: "a", count: 64) })
                }
            ),
            (
                "huge header",
                {
                    RawHTTP.request(
                        "GET", "/healthz", headers: ["X-Big: " + String(repeating: "b", count: 200_000)])
                }
            ),
            (
                "guessed token",
                {
                    let guess = "clt_" + junk(32).map { String(format: "%02x", $0) }.joined().prefix(43)
                    return RawHTTP.request("GET", "/v1/events", headers: ["Authorization: Bearer \(guess)"])
                }
            ),
            (
                "overlong token",
                {
                    RawHTTP.request(
                        "GET", "/v1/events",
                        headers: ["Authorization: Bearer " + String(repeating: "z", count: 5000)])
                }
            ),
            ("bad query", { RawHTTP.request("GET", "/v1/events?from=-1&limit=99999999999", headers: [auth]) }),
            ("bad proof size", { RawHTTP.request("GET", "/v1/proofs/consistency?from=abc") }),
            ("garbage request line", { Array("\u{1}\u{2}GARBAGE \r\n\r\n".utf8) + junk(100) }),
            (
                "forged actor",
                {
                    let school = try? server.ledger.tokenBook().issue(
                        member: "s1", role: .member, expires: nil, label: nil
                    ).secret
                    return RawHTTP.request(
                        "POST", "/v1/events", headers: ["Authorization: Bearer \(school ?? "")"],
                        body: Array(Seed.training("forged", actor: "gov-1").utf8))
                }
            ),
        ]
        // Requests that stop part way: the client then waits without closing its side.
        let stallingAuth = "Authorization: Bearer \(try stallingServer.token("gov-1", .secretariat))"
        let stallingHead = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\(stallingAuth)\r\n"
        let head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\(auth)\r\n"
        let stalling: [(String, () -> [[UInt8]])] = [
            ("unfinished head", { [Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n".utf8)] }),
            (
                "slowloris",
                { ["GET /v1/council?ye", "ar=2025 HTTP/1.1\r\nHo", "st: 127.0.0.1\r\nX-"].map { Array($0.utf8) } }
            ),
            ("stalled body", { [Array((stallingHead + "Content-Length: 4000\r\n\r\n{\"id\":\"x").utf8)] }),
            (
                "stalled chunk",
                { [Array((stallingHead + "Transfer-Encoding: chunked\r\n\r\n400\r\n{\"id\"").utf8)] }
            ),
        ]
        let framing: [(String, () -> [UInt8])] = [
            (
                "bad chunk size",
                {
                    Array(
                        (head + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").utf8
                    )
                }
            ),
            (
                "chunked body over the limit",
                {
                    let chunk = String(repeating: "x", count: 16 * 1024)
                    let chunks = String(repeating: "4000\r\n\(chunk)\r\n", count: 6)
                    return Array(
                        (head + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n\(chunks)0\r\n\r\n").utf8)
                }
            ),
            (
                "length and chunked",
                {
                    Array(
                        (head
                            + "Connection: close\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                            .utf8)
                }
            ),
        ]
        // Built first (the generators draw from one seeded source), then sent several at a
        // time; the stalling ones together, since each waits for the server's idle timeout.
        struct Planned: Sendable {
            let name: String
            let parts: [[UInt8]]
            let mayBeClosed: Bool
        }
        let all =
            kinds.map { kind in (kind.0, { [kind.1()] }, false) }
            + framing.map { kind in (kind.0, { [kind.1()] }, false) }
            + stalling.map { ($0.0, $0.1, true) }
        let plan = (0..<1_000).map { n in
            let (name, make, stalls) = all[n % all.count]
            return Planned(name: name, parts: make(), mayBeClosed: stalls)
        }
        var answers: [String: [RawAnswer]] = [:]
        let ordered = plan.filter { !$0.mayBeClosed } + plan.filter(\.mayBeClosed)
        for start in stride(from: 0, to: ordered.count, by: 60) {
            let batch = ordered[start..<min(start + 60, ordered.count)]
            let (answeringPort, stallingPort) = (server.port, stallingServer.port)
            let got = await withTaskGroup(of: (String, RawAnswer).self) { group in
                for request in batch {
                    let port = request.mayBeClosed ? stallingPort : answeringPort
                    group.addTask {
                        let pause = request.parts.count > 1 ? 0.2 : 0
                        return (request.name, await RawHTTP.answer(port: port, parts: request.parts, pause: pause))
                    }
                }
                return await group.reduce(into: [(String, RawAnswer)]()) { $0.append($1) }
            }
            for (name, answer) in got { answers[name, default: []].append(answer) }
        }
        for request in plan.prefix(all.count) {
            let got = answers[request.name] ?? []
            #expect(got.count >= 1_000 / all.count, "\(request.name)")
            for answer in got {
                if request.mayBeClosed {
                    #expect(answer.isClientError || answer == .closed, "\(request.name): \(answer)")
                } else {
                    #expect(answer.isClientError, "\(request.name): \(answer)")
                }
            }
        }
        #expect(try await server.request(.GET, "/healthz").status == 200)
        #expect(try await stallingServer.request(.GET, "/healthz").status == 200)
        #expect(try server.ledger.eventCount() == 8)
        #expect(try stallingServer.ledger.eventCount() == 8)
        let refusals = try await server.request(.GET, "/metrics")
        #expect(refusals.body.contains("ledger_auth_refusals_total"))
    }
}
