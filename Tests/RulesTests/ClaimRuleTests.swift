import Domain
import Testing

@Suite struct ClaimRuleTests {
    @Test func fullClaimLifecycleIsAccepted() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.approve("K1", 600_000), by: "gov")
        try fixture.record(Fixture.pay("K1", 300_000, advance: true), by: "gov")
        fixture.expectRejected(
            Fixture.pay("K1", 1, advance: true), by: "gov", .advanceTooLarge, field: "data.amountFen")
        try fixture.record(Fixture.assess("p1"), by: "ent-1")
        try fixture.record(Fixture.pay("K1", 300_000), by: "gov")
        fixture.expectRejected(Fixture.pay("K1", 1), by: "gov", .amountExceeds, field: "data.amountFen")
        try fixture.record(
            .subsidyClawedBack(SubsidyClawedBack(claimId: "K1", amountFen: 100_000, reason: "提前离职")), by: "gov")
    }

    @Test func rejectsApprovalAboveTheAppliedAmount() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.approve("K1", 500_000), by: "gov")
        fixture.expectRejected(Fixture.approve("K1", 100_001), by: "gov", .amountExceeds, field: "data.amountFen")
    }

    @Test func rejectsApprovalsBeyondTheBudget() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.enrol("p2"), by: "school-1")
        try fixture.record(Fixture.claim("K2", person: "p2", amount: 600_000), by: "ent-1")
        try fixture.record(Fixture.approve("K1", 600_000), by: "gov")
        fixture.expectRejected(Fixture.approve("K2", 400_001), by: "gov", .budgetExceeded, field: "data.amountFen")
        try fixture.record(Fixture.approve("K2", 400_000), by: "gov")
    }

    @Test func rejectsPaymentAboveApproval() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.approve("K1", 200_000), by: "gov")
        fixture.expectRejected(Fixture.pay("K1", 200_001), by: "gov", .amountExceeds, field: "data.amountFen")
    }

    @Test func rejectsAdvancesAboveHalfBeforeAssessment() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.approve("K1", 599_999), by: "gov")
        fixture.expectRejected(
            Fixture.pay("K1", 300_000, advance: true), by: "gov", .advanceTooLarge, field: "data.amountFen")
        try fixture.record(Fixture.pay("K1", 299_999, advance: true), by: "gov")
    }

    @Test func rejectsClawBackAbovePayment() throws {
        var fixture = try Fixture.withClaim()
        try fixture.record(Fixture.approve("K1", 600_000), by: "gov")
        try fixture.record(Fixture.pay("K1", 100_000, advance: true), by: "gov")
        fixture.expectRejected(
            .subsidyClawedBack(SubsidyClawedBack(claimId: "K1", amountFen: 100_001, reason: "x")), by: "gov",
            .amountExceeds, field: "data.amountFen")
    }

    @Test func rejectsSelfApproval() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(Fixture.claim("K1", applicant: "assoc"), by: "assoc")
        fixture.expectRejected(
            Fixture.approve("K1", by: "assoc", 1), by: "gov", .selfApproval, field: "data.approverId")
    }

    @Test func rejectsASecondClaimForTheSameProgrammePersonAndPeriod() throws {
        var fixture = try Fixture.withClaim()
        let violation = fixture.expectRejected(
            Fixture.claim("K2", applicant: "school-1"), by: "school-1", .duplicateClaim, field: "data.personId")
        #expect(violation?.message.contains("claim K1") == true)
        try fixture.record(Fixture.claim("K3", period: "2026"), by: "ent-1")
    }

    @Test func rejectsAClaimAgainstAnotherProgrammesBudget() throws {
        var fixture = try Fixture.withClaim()
        fixture.expectRejected(
            Fixture.claim("K2", period: "2026", programme: .internship), by: "ent-1", .programmeMismatch,
            field: "data.programme")
    }

    @Test func rejectsAnExistingClaimIdAndUnknownReferences() throws {
        var fixture = try Fixture.withClaim()
        fixture.expectRejected(Fixture.claim("K1", period: "2026"), by: "ent-1", .duplicateId, field: "data.claimId")
        fixture.expectRejected(
            Fixture.claim("K2", budget: "B9"), by: "ent-1", .unknownReference, field: "data.budgetId")
        fixture.expectRejected(
            Fixture.claim("K2", person: "p404"), by: "ent-1", .unknownReference, field: "data.personId")
        fixture.expectRejected(Fixture.pay("K9", 1), by: "gov", .unknownReference, field: "data.claimId")
    }

    @Test func rejectsNonPositiveAmounts() throws {
        var fixture = try Fixture.withClaim()
        fixture.expectRejected(Fixture.approve("K1", 0), by: "gov", .invalidAmount, field: "data.amountFen")
        fixture.expectRejected(Fixture.pay("K1", -5), by: "gov", .invalidAmount, field: "data.amountFen")
    }

    @Test func claimWithoutPersonKeepsTheAdvanceCap() throws {
        var fixture = try Fixture.standard()
        try fixture.record(
            .budgetAllocated(
                BudgetAllocated(budgetId: "B2", programme: .startup, year: 2025, amountFen: 100_000, source: "s")),
            by: "gov")
        try fixture.record(
            Fixture.claim("S1", applicant: "ent-3", person: nil, amount: 100, budget: "B2", programme: .startup),
            by: "ent-3")
        try fixture.record(
            Fixture.claim("S2", applicant: "ent-3", person: nil, amount: 100, budget: "B2", programme: .startup),
            by: "ent-3")
        try fixture.record(Fixture.approve("S1", 100), by: "gov")
        fixture.expectRejected(
            Fixture.pay("S1", 51, advance: true), by: "gov", .advanceTooLarge, field: "data.amountFen")
        try fixture.record(Fixture.pay("S1", 100), by: "gov")
    }
}
