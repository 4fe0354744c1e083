import Domain
import Testing

/// Two active members never share a unified social credit code (docs/DOMAIN.md, Rules).
@Suite struct CreditCodeRuleTests {
    static func admission(_ id: String, _ kind: MemberKind, code: String?) -> DomainEvent {
        .memberAdmitted(MemberAdmitted(memberId: id, name: "member \(id)", kind: kind, creditCode: code))
    }

    @Test func aSecondActiveMemberWithTheSameCodeIsRefused() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.admission("ent-9", .enterprise, code: "91330100716105852F"), by: "gov")
        let violation = fixture.expectRejected(
            Self.admission("ent-10", .enterprise, code: "91330100716105852F"), by: "gov", .duplicateCreditCode,
            field: "data.creditCode")
        #expect(violation?.message.contains("ent-9") == true)
        try fixture.record(Self.admission("ent-11", .enterprise, code: "9144030071526726XG"), by: "gov")
    }

    @Test func aWithdrawnMembersCodeMayBeTakenAgain() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.admission("ent-9", .enterprise, code: "91330100716105852F"), by: "gov")
        try fixture.record(.memberWithdrawn(MemberWithdrawn(memberId: "ent-9", reason: "重组")), by: "gov")
        try fixture.record(Self.admission("ent-9b", .enterprise, code: "91330100716105852F"), by: "gov")
        fixture.expectRejected(
            Self.admission("ent-9c", .enterprise, code: "91330100716105852F"), by: "gov", .duplicateCreditCode,
            field: "data.creditCode")
    }
}
