import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Testing

@Suite("POST /v1/events")
struct EventEndpointTests {
    @Test func recordsAnEventAndAnswersItsSequenceAfterTheCommit() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let response = try await server.request(.POST, "/v1/events", token: secretariat, body: Seed.training("t1"))
            #expect(response.status == 201, "\(response.body)")
            #expect(jsonObject(response.body)["sequences"] as? [Int] == [9])
            // The acknowledged event is in the ledger the moment the answer arrives.
            #expect(try server.ledger.eventCount() == 9)
        }
    }

    @Test func resendingTheSameIdAnswers200WithTheRecordedSequence() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let first = try await server.request(.POST, "/v1/events", token: secretariat, body: Seed.training("t1"))
            let again = try await server.request(.POST, "/v1/events", token: secretariat, body: Seed.training("t1"))
            #expect(first.status == 201)
            #expect(again.status == 200, "\(again.body)")
            #expect(jsonObject(again.body)["sequences"] as? [Int] == [9])
            #expect(try server.ledger.eventCount() == 9)
        }
    }

    @Test func anArrayIsAllOrNothing() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let good = "[" + [Seed.training("t1"), Seed.training("t2")].joined(separator: ",") + "]"
            let created = try await server.request(.POST, "/v1/events", token: secretariat, body: good)
            #expect(created.status == 201)
            #expect(jsonObject(created.body)["sequences"] as? [Int] == [9, 10])
            // The third line names a member that does not exist: nothing of the array is written.
            let bad =
                "["
                + [Seed.training("t3"), Seed.training("t4"), Seed.training("t5", actor: "nobody")].joined(
                    separator: ",") + "]"
            let refused = try await server.request(.POST, "/v1/events", token: secretariat, body: bad)
            #expect(refused.status == 422, "\(refused.body)")
            #expect(refused.headers["Content-Type"].first == "application/problem+json")
            let problem = jsonObject(refused.body)
            #expect(problem["line"] as? Int == 3)
            #expect(problem["status"] as? Int == 422)
            #expect((problem["type"] as? String)?.isEmpty == false)
            #expect((problem["field"] as? String)?.isEmpty == false)
            // The broken rule's stable code, not a generic one (docs/SERVICE.md, Errors).
            #expect(RuleViolation.Code(rawValue: problem["code"] as? String ?? "") != nil, "\(refused.body)")
            #expect(try server.ledger.eventCount() == 10)
        }
    }

    @Test func aSchemaViolationNamesLineAndField() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let broken = Seed.line(
                "x1", "TrainingDelivered", #"{"providerId":"gov-1","personTimes":"many","topic":"safety"}"#)
            let body = "[" + Seed.training("t1") + "," + broken + "]"
            let response = try await server.request(.POST, "/v1/events", token: secretariat, body: body)
            #expect(response.status == 422)
            let problem = jsonObject(response.body)
            #expect(problem["line"] as? Int == 2)
            #expect(problem["field"] as? String == "data.personTimes")
            #expect(try server.ledger.eventCount() == 8)
        }
    }

    @Test func anExpectedVersionConflictIs409() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let stale =
                #"{"id":"v1","type":"MemberAdmitted","occurredAt":"2025-01-04","actor":"gov-1","expectedVersion":0,"data":{"memberId":"s1x","name":"S","kind":"school","creditCode":"\#(SampleCreditCodes.school("s1x"))"}}"#
            let first = try await server.request(.POST, "/v1/events", token: secretariat, body: stale)
            #expect(first.status == 201, "\(first.body)")
            let conflicting = stale.replacingOccurrences(of: "\"v1\"", with: "\"v2\"")
            let second = try await server.request(.POST, "/v1/events", token: secretariat, body: conflicting)
            #expect(second.status == 409, "\(second.body)")
            #expect(jsonObject(second.body)["field"] as? String == "expectedVersion")
        }
    }

    @Test func aMemberMayRecordOnlyAsItself() async throws {
        try await withServer { server in
            let school = try server.token("s1", .member)
            let own = try await server.request(
                .POST, "/v1/events", token: school, body: Seed.training("t1", actor: "s1"))
            #expect(own.status == 201, "\(own.body)")
            let other = try await server.request(
                .POST, "/v1/events", token: school, body: Seed.training("t2", actor: "s2"))
            #expect(other.status == 403)
            #expect(jsonObject(other.body)["field"] as? String == "actor")
            #expect(try server.ledger.eventCount() == 9)
        }
    }

    @Test func readOnlyRolesMayNotRecord() async throws {
        try await withServer { server in
            for role in [TokenRole.council, .auditor] {
                let token = try server.token("gov-1", role)
                let response = try await server.request(
                    .POST, "/v1/events", token: token, body: Seed.training("t-\(role)"))
                #expect(response.status == 403, "\(role)")
            }
            #expect(try server.ledger.eventCount() == 8)
        }
    }

    @Test func missingOrUnknownTokensAre401() async throws {
        try await withServer { server in
            let none = try await server.request(.POST, "/v1/events", body: Seed.training("t1"))
            #expect(none.status == 401)
            #expect(none.headers["WWW-Authenticate"].first?.hasPrefix("Bearer") == true)
            let guessed = try await server.request(
                .POST, "/v1/events", token: "clt_" + String(repeating: "A", count: 43), body: Seed.training("t1"))
            #expect(guessed.status == 401)
            let basic = try await server.request(
                .POST, "/v1/events", body: Seed.training("t1"), headers: [("Authorization", "Basic Zm9vOmJhcg==")])
            #expect(basic.status == 401)
            #expect(try server.ledger.eventCount() == 8)
        }
    }

    @Test func badJSONIs400AndAnOversizedBodyIs413() async throws {
        try await withServer { server in
            let secretariat = try server.token("gov-1", .secretariat)
            let broken = try await server.request(.POST, "/v1/events", token: secretariat, body: "{\"type\":")
            #expect(broken.status == 400)
            let huge = "[" + String(repeating: " ", count: 17 * 1024 * 1024) + "]"
            let tooLarge = try await server.request(.POST, "/v1/events", token: secretariat, body: huge)
            #expect(tooLarge.status == 413)
            #expect(try server.ledger.eventCount() == 8)
        }
    }
}
