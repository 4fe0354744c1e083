import ConsortiumLedger
import Foundation
import LedgerServer
import Testing

/// The dashboard's HTTP side: pages and assets from the binary, the session and health JSON the
/// pages need. What the pages draw is checked in a real browser (Tools/browser-tests).
@Suite("Dashboard")
struct DashboardTests {
    @Test func pagesAreServedInChineseByDefaultAndInEnglishOnRequest() async throws {
        try await withServer { server in
            let zh = try await server.request(.GET, "/")
            #expect(zh.status == 200)
            #expect(zh.headers["Content-Type"].first == "text/html; charset=utf-8")
            #expect(zh.body.contains("<html lang=\"zh-CN\">") && zh.body.contains("理事会看板"))
            #expect(zh.body.contains("data-page=\"council\""))
            // Nothing from another origin: no CDN, no web font, and the policy forbids it.
            #expect(!zh.body.contains("http://") && !zh.body.contains("https://"))
            let policy = zh.headers["Content-Security-Policy"].first ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
            let en = try await server.request(.GET, "/dashboard/committee?lang=en")
            #expect(en.body.contains("<html lang=\"en\">") && en.body.contains("data-page=\"committee\""))
            let missing = try await server.request(.GET, "/dashboard/secrets")
            #expect(missing.status == 404)
        }
    }

    @Test func theScriptAndStylesheetComeFromTheBinaryAndRevalidate() async throws {
        try await withServer { server in
            let script = try await server.request(.GET, "/dashboard/assets/app.js")
            #expect(script.status == 200)
            #expect(script.headers["Content-Type"].first?.hasPrefix("text/javascript") == true)
            #expect(script.body.contains("var LABELS") && script.body.contains("/v1/council"))
            #expect(!script.body.contains("https://"))
            let style = try await server.request(.GET, "/dashboard/assets/app.css")
            #expect(style.body.contains("\"Microsoft YaHei\", \"PingFang SC\", \"Noto Sans CJK SC\", sans-serif"))
            #expect(!style.body.contains("@font-face") && !style.body.contains("url("))
            let tag = try #require(script.headers["ETag"].first)
            let again = try await server.request(.GET, "/dashboard/assets/app.js", headers: [("If-None-Match", tag)])
            #expect(again.status == 304 && again.body.isEmpty)
        }
    }

    @Test func theSessionSaysWhoIsLoggedInAndLogOutClearsTheCookie() async throws {
        try await withServer { server in
            let anonymous = try await server.request(.GET, "/v1/session")
            #expect(anonymous.status == 200)
            #expect(jsonObject(anonymous.body)["authenticated"] as? Bool == false)
            let token = try server.token("s1", .member)
            let login = try await server.request(.POST, "/v1/session", body: "{\"token\":\"\(token)\"}")
            #expect(login.status == 200)
            let cookie = try #require(login.headers["Set-Cookie"].first)
            let pair = String(cookie.split(separator: ";")[0])
            let me = jsonObject(try await server.request(.GET, "/v1/session", headers: [("Cookie", pair)]).body)
            #expect(me["authenticated"] as? Bool == true)
            #expect(me["member"] as? String == "s1" && me["role"] as? String == "member")
            #expect(me["years"] as? [Int] == [2025, 2025])
            #expect(me["pages"] as? [String] == ["council", "committee", "projects", "health"])
            let out = try await server.request(.POST, "/v1/session/end", headers: [("Cookie", pair)])
            let cleared = try #require(out.headers["Set-Cookie"].first)
            #expect(
                cleared.hasPrefix("ledger_session=;") && cleared.contains("Max-Age=0") && cleared.contains("HttpOnly"))
        }
    }

    @Test func healthNamesTheCheckpointItsSignersAndTheLastAudit() async throws {
        try await withServer { server in
            let token = try server.token("gov-1", .council)
            #expect(try await server.request(.GET, "/v1/health").status == 401)
            var health = jsonObject(try await server.request(.GET, "/v1/health", token: token).body)
            #expect(health["events"] as? Int == Seed.consortium.count)
            #expect(health["firstOccurredAt"] as? String == "2025-01-02")
            #expect(health["lastAudit"] is NSNull)

            let signed = try server.ledger.checkpoint()
            let report = try server.ledger.audit()
            #expect(report.passed)
            try server.ledger.recordLastAudit(report, finishedAt: Date(timeIntervalSince1970: 1_764_000_000))
            health = jsonObject(try await server.request(.GET, "/v1/health", token: token).body)
            let checkpoint = try #require(health["lastCheckpoint"] as? [String: Any])
            // The note's lines are origin, size, root (base64).
            let note = signed.note.split(separator: "\n").map(String.init)
            #expect(checkpoint["size"] as? Int == Int(note[1]))
            #expect(checkpoint["rootHash"] as? String == note[2])
            #expect(checkpoint["origin"] as? String == note[0])
            let signers = checkpoint["signers"] as? [[String: Any]] ?? []
            #expect(signers.count == 1 && signers.first?["ledger"] as? Bool == true)
            let audit = try #require(health["lastAudit"] as? [String: Any])
            #expect(audit["passed"] as? Bool == true)
            #expect(audit["finishedAt"] as? String == "2025-11-24T16:00:00Z")
            #expect(audit["events"] as? Int == Seed.consortium.count)
        }
    }
}
