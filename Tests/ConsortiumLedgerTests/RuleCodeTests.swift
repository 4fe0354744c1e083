import Domain
import Foundation
import LedgerTesting
import Testing

@testable import ConsortiumLedger

/// A rule violation keeps its code and field on its way up: `LedgerError` from an append
/// (direct and through the group-commit server's wire) and the problem shape they share.
@Suite("Rule codes on the append path")
struct RuleCodeTests {
    private func chartered(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try Ledger.create(path: dir.file("ledger"))
        let lines = [
            #"{"type":"ConsortiumChartered","occurredAt":"2025-03-01","actor":"gov","data":{"consortiumId":"SZ","name":"T","region":"T","leadMemberId":"gov"}}"#,
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"gov","data":{"memberId":"gov","name":"G","kind":"government"}}"#,
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"gov","data":{"memberId":"ent-1","name":"E","kind":"enterprise","creditCode":"91330100716105852F"}}"#,
        ]
        try ledger.append(try lines.map { try ImportLine.parse(json: $0) })
        return ledger
    }

    /// An enterprise in the school seat of an agreement.
    private static let wrongSeat =
        #"{"type":"AgreementSigned","occurredAt":"2025-03-01","actor":"gov","data":{"agreementId":"A1","schoolId":"ent-1","enterpriseId":"ent-1","kind":"orderClass","startsOn":"2025-01-01","endsOn":"2025-12-31"}}"#

    @Test func aDirectAppendThrowsTheRuleCodeAndField() throws {
        let dir = TemporaryDirectory()
        let ledger = try chartered(dir)
        let error = #expect(throws: LedgerError.self) {
            try ledger.append([try ImportLine.parse(json: Self.wrongSeat)])
        }
        #expect(error?.code == .ruleViolation)
        #expect(error?.ruleCode == .wrongMemberKind)
        #expect(error?.field == "data.schoolId")
        #expect(error?.description.hasSuffix("[wrongMemberKind]") == true)
        let problem = try #require(error?.problem)
        #expect(
            problem == LedgerProblem(code: "wrongMemberKind", field: "data.schoolId", message: error?.message ?? ""))
        let decoded = try JSONDecoder().decode(LedgerProblem.self, from: Data(problem.jsonLine.utf8))
        #expect(decoded == problem)
        #expect(try ledger.eventCount() == 3)
    }

    @Test func theGroupCommitWireCarriesTheRuleCodeAndField() throws {
        let error = LedgerError(
            .ruleViolation, "data.schoolId: wrong [wrongMemberKind]", ruleCode: .wrongMemberKind, field: "data.schoolId"
        )
        let line = AppendWire.encode(.failure(error))
        guard case .failure(let decoded as LedgerError) = try AppendWire.decodeResponse(line) else {
            Issue.record("the wire did not give back a LedgerError")
            return
        }
        #expect(decoded.ruleCode == .wrongMemberKind)
        #expect(decoded.field == "data.schoolId")
        #expect(decoded.message == error.message)
    }
}
