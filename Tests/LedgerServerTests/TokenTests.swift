import ConsortiumLedger
import Foundation
import Testing

@Suite("Tokens and sessions")
struct TokenTests {
    @Test func aWithdrawnMembersTokenIsRefused() async throws {
        try await withServer { server in
            let school = try server.token("s1", .member)
            let before = try await server.request(.GET, "/v1/committee", token: school)
            #expect(before.status == 200)
            let secretariat = try server.token("gov-1", .secretariat)
            let withdrawal = Seed.line(
                "w1", "MemberWithdrawn", on: "2025-04-01", #"{"memberId":"s1","reason":"merged"}"#)
            let recorded = try await server.request(.POST, "/v1/events", token: secretariat, body: withdrawal)
            #expect(recorded.status == 201, "\(recorded.body)")
            let after = try await server.request(.GET, "/v1/committee", token: school)
            #expect(after.status == 401)
            #expect(jsonObject(after.body)["detail"] as? String ?? "" != "")
        }
    }

    @Test func revokedAndExpiredTokensAreRefused() async throws {
        try await withServer { server in
            let book = try server.ledger.tokenBook()
            let issued = try book.issue(member: "gov-1", role: .auditor, expires: nil, label: nil)
            #expect(try await server.request(.GET, "/v1/events", token: issued.secret).status == 200)
            try book.revoke(id: issued.token.id)
            #expect(try await server.request(.GET, "/v1/events", token: issued.secret).status == 401)
            let expired = try server.token("gov-1", .auditor, expires: "2020-01-01")
            #expect(try await server.request(.GET, "/v1/events", token: expired).status == 401)
            let valid = try server.token("gov-1", .auditor, expires: "2099-12-31")
            #expect(try await server.request(.GET, "/v1/events", token: valid).status == 200)
        }
    }

    @Test func onlyTheHashOfATokenIsStoredAndItIsLong() async throws {
        try await withServer { server in
            let issued = try server.ledger.tokenBook().issue(member: "s1", role: .member, expires: nil, label: "lab")
            // 32 random bytes in base64url (43 characters) after the prefix.
            #expect(issued.secret.count == 4 + 43)
            let listed = try server.ledger.tokenBook().list()
            #expect(listed.contains { $0.id == issued.token.id && $0.sha256.count == 64 })
            let directory = try FileManager.default.contentsOfDirectory(atPath: server.path)
            for file in directory {
                let bytes = FileManager.default.contents(atPath: server.path + "/" + file) ?? Data()
                #expect(bytes.range(of: Data(issued.secret.utf8)) == nil, "the secret is stored in \(file)")
            }
        }
    }

    @Test func aSessionCookieIsHttpOnlyAndStrictAndAuthenticates() async throws {
        try await withServer { server in
            let council = try server.token("gov-1", .council)
            let session = try await server.request(.POST, "/v1/session", body: "{\"token\":\"\(council)\"}")
            #expect(session.status == 200)
            let cookie = session.headers["Set-Cookie"].first ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let pair = String(cookie.split(separator: ";")[0])
            let withCookie = try await server.request(.GET, "/v1/council?year=2025", headers: [("Cookie", pair)])
            #expect(withCookie.status == 200)
            let refused = try await server.request(.POST, "/v1/session", body: "{\"token\":\"nope\"}")
            #expect(refused.status == 401)
        }
    }
}
