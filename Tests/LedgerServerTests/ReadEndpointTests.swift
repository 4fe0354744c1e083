import ConsortiumLedger
import Domain
import Foundation
import LedgerServer
import Testing

@Suite("Read endpoints")
struct ReadEndpointTests {
    @Test func aMemberSeesOnlyItsOwnCommitteePairs() async throws {
        try await withServer { server in
            let all = try await server.request(.GET, "/v1/committee", token: try server.token("gov-1", .council))
            #expect(all.status == 200)
            #expect(
                all.body
                    == (try server.ledger.tierAnswer(.committee(school: nil, enterprise: nil), asOf: nil, format: .json))
            )
            #expect(all.body.contains("\"s1\"") && all.body.contains("\"s2\""))
            for (member, own, other) in [("s1", "e1", "e2"), ("e2", "s2", "s1")] {
                let mine = try await server.request(.GET, "/v1/committee", token: try server.token(member, .member))
                #expect(mine.status == 200)
                let rows = (try? JSONSerialization.jsonObject(with: Data(mine.body.utf8))) as? [[String: Any]] ?? []
                #expect(rows.count == 1, "\(member) sees \(mine.body)")
                #expect(mine.body.contains("\"\(own)\""))
                #expect(!mine.body.contains("\"\(other)\""), "\(member) sees another pair")
                // Asking for the other pair by name gives no row, not an error.
                let asked = try await server.request(
                    .GET, "/v1/committee?school=\(other == "e2" ? "s2" : "s1")",
                    token: try server.token(member, .member))
                #expect(asked.status == 200)
                #expect(asked.body.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
            }
        }
    }

    @Test func csvAndAsOfGiveWhatTheCLIPrints() async throws {
        try await withServer { server in
            let council = try server.token("gov-1", .council)
            let csv = try await server.request(
                .GET, "/v1/committee?asOf=7", token: council, headers: [("Accept", "text/csv")])
            #expect(csv.status == 200)
            #expect(csv.headers["Content-Type"].first?.hasPrefix("text/csv") == true)
            #expect(
                csv.body
                    == (try server.ledger.tierAnswer(
                        .committee(school: nil, enterprise: nil), asOf: .sequence(7), format: .csv)))
            // As of sequence 7 only the first agreement was recorded.
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 2)
            let year = try await server.request(.GET, "/v1/council?year=2025&asOf=2025-06-30", token: council)
            #expect(year.status == 200)
            #expect(
                year.body
                    == (try server.ledger.tierAnswer(
                        .council(year: 2025), asOf: AsOf(argument: "2025-06-30"), format: .json)))
            let projects = try await server.request(.GET, "/v1/projects", token: council)
            #expect(projects.status == 200)
            let badYear = try await server.request(.GET, "/v1/council?year=abc", token: council)
            #expect(badYear.status == 400)
            #expect(jsonObject(badYear.body)["field"] as? String == "year")
            let badAsOf = try await server.request(.GET, "/v1/council?year=2025&asOf=yesterday", token: council)
            #expect(badAsOf.status == 400)
        }
    }

    @Test func logPagesAreTheJSONLinesOfLedgerLog() async throws {
        try await withServer { server in
            let auditor = try server.token("gov-1", .auditor)
            let page = try await server.request(.GET, "/v1/events?from=3&limit=4", token: auditor)
            #expect(page.status == 200)
            let lines = page.body.split(separator: "\n")
            #expect(lines.count == 4)
            var expected: [String] = []
            try server.ledger.forEachEventLine(from: 3, limit: 4) { _, line in
                expected.append(String(decoding: line, as: UTF8.self))
            }
            #expect(lines.map(String.init) == expected)
            #expect(lines.first?.contains("\"sequence\":3") == true)
            // The log is not for members or the council.
            #expect(try await server.request(.GET, "/v1/events", token: try server.token("s1", .member)).status == 403)
            #expect(
                try await server.request(.GET, "/v1/events", token: try server.token("gov-1", .council)).status == 403)
            #expect(try await server.request(.GET, "/v1/events").status == 401)
            #expect(try await server.request(.GET, "/v1/events?limit=0", token: auditor).status == 400)
        }
    }

    @Test func transparencyEndpointsNeedNoToken() async throws {
        try await withServer { server in
            #expect(try await server.request(.GET, "/v1/checkpoint").status == 404)
            let signed = try server.ledger.checkpoint()
            let checkpoint = try await server.request(.GET, "/v1/checkpoint")
            #expect(checkpoint.status == 200)
            #expect(checkpoint.body == signed.serialized)
            let key = try await server.request(.GET, "/v1/public-key")
            #expect(key.status == 200)
            #expect(key.body == (try String(contentsOfFile: server.ledger.publicKeyPath, encoding: .utf8)))
            let bySequence = try await server.request(.GET, "/v1/proofs/inclusion/3")
            #expect(bySequence.status == 200)
            let byId = try await server.request(.GET, "/v1/proofs/inclusion/m1")
            #expect(byId.status == 200)
            #expect(bySequence.body == byId.body)
            let document = try ProofDocument(jsonData: Data(bySequence.body.utf8))
            #expect(document.sequence == 3)
            #expect(try await server.request(.GET, "/v1/proofs/inclusion/no-such-event").status == 404)
            let consistency = try await server.request(.GET, "/v1/proofs/consistency?from=2&to=8")
            #expect(consistency.status == 200, "\(consistency.body)")
            #expect(try await server.request(.GET, "/v1/proofs/consistency?from=9&to=2").status == 400)
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withServer { server in
            let health = try await server.request(.GET, "/healthz")
            #expect(health.status == 200)
            #expect(jsonObject(health.body)["events"] as? Int == 8)
            _ = try await server.request(
                .POST, "/v1/events", token: try server.token("gov-1", .secretariat), body: Seed.training("t1"))
            let metrics = try await server.request(.GET, "/metrics")
            #expect(metrics.status == 200)
            #expect(
                metrics.body.contains(#"ledger_http_requests_total{method="POST",route="/v1/events",status="201"} 1"#))
            #expect(metrics.body.contains("ledger_group_commits_total 1"))
            #expect(metrics.body.contains("ledger_http_request_duration_seconds_bucket{route=\"/v1/events\""))
        }
    }
}

@Suite("Problem documents")
struct ProblemDocumentTests {
    @Test func unknownRoutesAndMethodsAnswerProblemJSON() async throws {
        try await withServer { server in
            let missing = try await server.request(.GET, "/v1/nothing-here")
            #expect(missing.status == 404)
            #expect(missing.headers["Content-Type"].first == "application/problem+json")
            #expect(jsonObject(missing.body)["status"] as? Int == 404)
            let method = try await server.request(.DELETE, "/v1/events")
            #expect((400..<500).contains(method.status))
            #expect(method.headers["Content-Type"].first == "application/problem+json")
        }
    }
}
