import Domain
import Testing

@Suite struct AgreementRuleTests {
    @Test func rejectsAnExistingAgreementId() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Fixture.sign("A1", school: "school-2", enterprise: "ent-2"), by: "gov", .duplicateId,
            field: "data.agreementId")
    }

    @Test func rejectsAnUnknownSchool() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Fixture.sign("A2", school: "school-9", enterprise: "ent-2"), by: "gov", .unknownReference,
            field: "data.schoolId")
    }

    @Test func rejectsAnEnterpriseInTheSchoolSeat() throws {
        var fixture = try Fixture.standard()
        let violation = fixture.expectRejected(
            Fixture.sign("A2", school: "ent-3", enterprise: "ent-2"), by: "gov", .wrongMemberKind,
            field: "data.schoolId")
        #expect(violation?.message == "member ent-3 is an enterprise, not a school")
    }

    @Test func withdrawnMemberSignsNothing() throws {
        var fixture = try Fixture.standard()
        try fixture.record(.memberWithdrawn(MemberWithdrawn(memberId: "ent-2", reason: "迁出")), by: "gov")
        fixture.expectRejected(
            Fixture.sign("A2", school: "school-2", enterprise: "ent-2"), by: "school-2", .inactiveMember,
            field: "data.enterpriseId")
    }

    @Test func rejectsAnAgreementEndingBeforeItStarts() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Fixture.sign(
                "A2", school: "school-2", enterprise: "ent-2", from: Fixture.date(2025, 6, 1),
                to: Fixture.date(2025, 5, 31)),
            by: "school-2", .invalidDates, field: "data.endsOn")
    }

    @Test func rejectsAnAmendmentEndingBeforeTheStart() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .agreementAmended(AgreementAmended(agreementId: "A1", endsOn: Fixture.date(2024, 12, 31))), by: "ent-1",
            .invalidDates, field: "data.endsOn")
    }

    @Test func rejectsAmendingATerminatedAgreement() throws {
        var fixture = try Fixture.standard()
        try fixture.record(.agreementTerminated(AgreementTerminated(agreementId: "A1", reason: "协商解除")), by: "ent-1")
        fixture.expectRejected(
            .agreementAmended(AgreementAmended(agreementId: "A1", places: 10)), by: "gov", .agreementNotActive,
            field: "data.agreementId")
        fixture.expectRejected(
            .agreementTerminated(AgreementTerminated(agreementId: "A1", reason: "again")), by: "gov", .alreadyRecorded,
            field: "data.agreementId")
    }

    @Test func rejectsAmendingSomeoneElsesAgreement() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .agreementAmended(AgreementAmended(agreementId: "A1", places: 10)), by: "ent-2", .notPermitted,
            field: "actor")
    }

    @Test func rejectsAClassUnderAnAgreementNotActiveThatDay() throws {
        var fixture = try Fixture.standard()
        let open = DomainEvent.orderClassOpened(
            OrderClassOpened(classId: "C2", agreementId: "A1", major: "m", capacity: 30, intakeYear: 2027))
        fixture.expectRejected(
            open, by: "ent-1", on: Fixture.date(2027, 1, 1), .agreementNotActive, field: "data.agreementId")
        try fixture.record(open, by: "ent-1", on: Fixture.date(2026, 12, 31))
    }

    @Test func rejectsAClassUnderAnUnknownAgreement() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .orderClassOpened(
                OrderClassOpened(classId: "C2", agreementId: "A9", major: "m", capacity: 30, intakeYear: 2025)),
            by: "gov", .unknownReference, field: "data.agreementId")
    }

    @Test func amendedEndExtendsTheTermForEnrolment() throws {
        var fixture = try Fixture.standard()
        let late = Fixture.date(2027, 3, 1)
        fixture.expectRejected(
            Fixture.enrol("p1", on: late), by: "school-1", on: late, .agreementNotActive, field: "data.classId")
        try fixture.record(
            .agreementAmended(AgreementAmended(agreementId: "A1", endsOn: Fixture.date(2027, 12, 31))), by: "school-1")
        try fixture.record(Fixture.enrol("p1", on: late), by: "school-1", on: late)
    }
}
