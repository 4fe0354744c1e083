import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

@Suite("Hostile requests")
struct HostileRequestTests {
    /// 1,000 malformed or hostile requests of many kinds: every one gets a 4xx, nothing is
    /// written, and the server still answers afterwards.
    @Test func aThousandHostileRequestsGet4xxAndTheServerSurvives() async throws {
        try await withServer { server in
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
            var statuses: [String: [Int]] = [:]
            for n in 0..<1_000 {
                let (name, make) = kinds[n % kinds.count]
                let status = RawHTTP.status(port: server.port, request: make())
                statuses[name, default: []].append(status)
                #expect((400..<500).contains(status), "\(name) got \(status)")
            }
            #expect(try await server.request(.GET, "/healthz").status == 200)
            #expect(try server.ledger.eventCount() == 8)
            let refusals = try await server.request(.GET, "/metrics")
            #expect(refusals.body.contains("ledger_auth_refusals_total"))
        }
    }
}
