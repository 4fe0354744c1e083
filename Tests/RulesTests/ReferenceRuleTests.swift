import Domain
import Testing

/// Ids that create things must be new, across every creating event type.
@Suite struct ReferenceRuleTests {
    struct Creation: Sendable, CustomTestStringConvertible {
        let event: DomainEvent
        let actor: String
        let field: String
        var testDescription: String { event.typeName }
    }

    static let reusedIds: [Creation] = [
        Creation(
            event: .memberAdmitted(MemberAdmitted(memberId: "school-1", name: "n", kind: .school)), actor: "gov",
            field: "data.memberId"),
        Creation(
            event: Fixture.sign("A1", school: "school-1", enterprise: "ent-1"), actor: "gov", field: "data.agreementId"),
        Creation(
            event: .orderClassOpened(
                OrderClassOpened(classId: "C1", agreementId: "A1", major: "m", capacity: 5, intakeYear: 2025)),
            actor: "gov", field: "data.classId"),
        Creation(
            event: .budgetAllocated(
                BudgetAllocated(budgetId: "B1", programme: .apprenticeship, year: 2025, amountFen: 1, source: "s")),
            actor: "gov", field: "data.budgetId"),
        Creation(
            event: .councilResolutionPassed(CouncilResolutionPassed(resolutionId: "R1", title: "t")), actor: "gov",
            field: "data.resolutionId"),
        Creation(event: PlatformRuleTests.platform(), actor: "gov", field: "data.platformId"),
        Creation(event: PlatformRuleTests.project(), actor: "gov", field: "data.projectId"),
        Creation(event: Fixture.claim("K1", period: "2030"), actor: "gov", field: "data.claimId"),
    ]

    @Test(arguments: reusedIds)
    func rejectsAReusedCreatingId(creation: Creation) throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(.councilResolutionPassed(CouncilResolutionPassed(resolutionId: "R1", title: "t")), by: "gov")
        try fixture.record(PlatformRuleTests.platform(), by: "gov")
        try fixture.record(PlatformRuleTests.project(), by: "gov")
        fixture.expectRejected(creation.event, by: creation.actor, .duplicateId, field: creation.field)
    }

    @Test func rejectsCertifyingANonEnterprise() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .enterpriseCertified(EnterpriseCertified(memberId: "school-1", level: .city)), by: "gov", .wrongMemberKind,
            field: "data.memberId")
    }

    @Test func rejectsATargetForAnUnknownMember() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .kpiTargetSet(KPITargetSet(year: 2025, metric: .apprenticesEnrolled, target: 10, memberId: "ghost")),
            by: "gov",
            .unknownReference, field: "data.memberId")
    }

    @Test func rejectsAServiceForAnUnknownClient() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .techServiceDelivered(TechServiceDelivered(providerId: "school-1", clientId: "ghost", valueFen: 1)),
            by: "school-1",
            .unknownReference, field: "data.clientId")
    }
}
