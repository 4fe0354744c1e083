import Domain
import Testing

@Suite struct ApprenticeRuleTests {
    @Test func fullApprenticeLifecycleIsAccepted() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(
            .mentorAssigned(MentorAssigned(personId: "p1", mentorId: "t-1", side: .school)), by: "school-1")
        try fixture.record(
            .mentorAssigned(MentorAssigned(personId: "p1", mentorId: "m-1", side: .enterprise)), by: "ent-1")
        try fixture.record(
            .internshipPlaced(
                InternshipPlaced(
                    personId: "p1", enterpriseId: "ent-1", startsOn: Fixture.date(2025, 7, 1),
                    endsOn: Fixture.date(2025, 8, 31))),
            by: "ent-1")
        try fixture.record(Fixture.assess("p1"), by: "ent-1")
        try fixture.record(
            .certificateAwarded(CertificateAwarded(personId: "p1", certificate: "数控车工（四级）")), by: "school-1")
        try fixture.record(.apprenticeGraduated(ApprenticeGraduated(personId: "p1")), by: "school-1")
        try fixture.record(
            .graduateHired(GraduateHired(personId: "p1", enterpriseId: "ent-2", local: true)), by: "ent-2")
        try fixture.record(
            .employmentVerified(EmploymentVerified(personId: "p1", enterpriseId: "ent-2", monthsEmployed: 6)),
            by: "ent-2")
    }

    @Test func rejectsEnrolmentUnderAnExpiredAgreement() throws {
        var fixture = try Fixture.standard()
        let day = Fixture.date(2027, 1, 1)
        fixture.expectRejected(
            Fixture.enrol("p1", on: day), by: "school-1", on: day, .agreementNotActive, field: "data.classId")
    }

    @Test func rejectsEnrolmentFromTheDayTheAgreementWasTerminated() throws {
        var fixture = try Fixture.standard()
        try fixture.record(
            .agreementTerminated(AgreementTerminated(agreementId: "A1", reason: "解除")), by: "gov",
            on: Fixture.date(2025, 6, 1))
        fixture.expectRejected(
            Fixture.enrol("p1"), by: "school-1", on: Fixture.date(2025, 6, 1), .agreementNotActive,
            field: "data.classId")
        // Business time: a late-recorded enrolment that happened before the termination stands.
        try fixture.record(Fixture.enrol("p1"), by: "school-1", on: Fixture.date(2025, 5, 31))
    }

    @Test func rejectsEnrolmentIntoAFullClass() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(Fixture.enrol("p2"), by: "school-1")
        let violation = fixture.expectRejected(Fixture.enrol("p3"), by: "school-1", .classFull, field: "data.classId")
        #expect(violation?.message == "class C1 is full (2 of 2 places)")
    }

    @Test func withdrawalFreesAPlaceButGraduationDoesNot() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(Fixture.enrol("p2"), by: "school-1")
        try fixture.record(.apprenticeWithdrawn(ApprenticeWithdrawn(personId: "p1", reason: "转学")), by: "school-1")
        try fixture.record(Fixture.enrol("p3"), by: "school-1")
        try fixture.record(.apprenticeGraduated(ApprenticeGraduated(personId: "p2")), by: "school-1")
        fixture.expectRejected(Fixture.enrol("p4"), by: "school-1", .classFull, field: "data.classId")
    }

    @Test func rejectsAPersonAlreadyInAClass() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.sign("A2", school: "school-2", enterprise: "ent-2"), by: "gov")
        try fixture.record(
            .orderClassOpened(
                OrderClassOpened(classId: "C2", agreementId: "A2", major: "m", capacity: 30, intakeYear: 2025)),
            by: "gov")
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        fixture.expectRejected(Fixture.enrol("p1", in: "C2"), by: "school-2", .alreadyEnrolled, field: "data.personId")
        try fixture.record(.apprenticeGraduated(ApprenticeGraduated(personId: "p1")), by: "school-1")
        try fixture.record(Fixture.enrol("p1", in: "C2"), by: "school-2")
    }

    @Test func rejectsAnUnknownClass() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(Fixture.enrol("p1", in: "C9"), by: "gov", .unknownReference, field: "data.classId")
    }

    @Test func rejectsEventsForAnUnknownApprentice() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(Fixture.assess("p404"), by: "gov", .unknownReference, field: "data.personId")
    }

    @Test func rejectsEventsForAWithdrawnApprentice() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(.apprenticeWithdrawn(ApprenticeWithdrawn(personId: "p1", reason: "退学")), by: "school-1")
        fixture.expectRejected(
            .mentorAssigned(MentorAssigned(personId: "p1", mentorId: "t", side: .school)), by: "school-1", .wrongStage,
            field: "data.personId")
        fixture.expectRejected(
            .apprenticeWithdrawn(ApprenticeWithdrawn(personId: "p1", reason: "x")), by: "school-1", .wrongStage,
            field: "data.personId")
    }

    @Test func rejectsHiringBeforeGraduation() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        fixture.expectRejected(
            .graduateHired(GraduateHired(personId: "p1", enterpriseId: "ent-1", local: true)), by: "ent-1", .wrongStage,
            field: "data.personId")
    }

    @Test func rejectsVerificationByAnEnterpriseThatDidNotHire() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        try fixture.record(.apprenticeGraduated(ApprenticeGraduated(personId: "p1")), by: "school-1")
        try fixture.record(
            .graduateHired(GraduateHired(personId: "p1", enterpriseId: "ent-1", local: false)), by: "ent-1")
        fixture.expectRejected(
            .employmentVerified(EmploymentVerified(personId: "p1", enterpriseId: "ent-3", monthsEmployed: 3)),
            by: "ent-3",
            .wrongStage, field: "data.enterpriseId")
    }

    @Test func rejectsAPlacementWithASchoolAsEnterprise() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        fixture.expectRejected(
            .internshipPlaced(
                InternshipPlaced(personId: "p1", enterpriseId: "school-2", startsOn: Fixture.day, endsOn: Fixture.day)),
            by: "school-1", .wrongMemberKind, field: "data.enterpriseId")
    }

    @Test func rejectsAPlacementEndingBeforeItStarts() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "school-1")
        fixture.expectRejected(
            .internshipPlaced(
                InternshipPlaced(
                    personId: "p1", enterpriseId: "ent-1", startsOn: Fixture.date(2025, 9, 1),
                    endsOn: Fixture.date(2025, 8, 1))),
            by: "ent-1", .invalidDates, field: "data.endsOn")
    }
}
