import Domain
import Testing

@Suite struct PermissionTests {
    @Test func schoolCannotApproveASubsidy() throws {
        var fixture = try Fixture.withClaim()
        fixture.expectRejected(
            Fixture.approve("K1", by: "school-1", 100), by: "school-1", .notPermitted, field: "actor")
    }

    @Test func schoolCannotBeNamedApproverEvenBySecretariat() throws {
        var fixture = try Fixture.withClaim()
        let violation = fixture.expectRejected(
            Fixture.approve("K1", by: "school-2", 100), by: "gov", .notPermitted, field: "data.approverId")
        #expect(violation?.message.contains("only the secretariat") == true)
    }

    @Test func enterpriseCannotSignAnAgreementItIsNotPartyTo() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Fixture.sign("A2", school: "school-2", enterprise: "ent-2"), by: "ent-3", .notPermitted, field: "actor")
    }

    @Test func researchMemberNeverSignsAgreements() throws {
        var fixture = try Fixture.standard()
        try fixture.admit("lab", .research)
        fixture.expectRejected(
            Fixture.sign("A2", school: "school-2", enterprise: "ent-2"), by: "lab", .notPermitted, field: "actor")
        #expect(RuleEngine.mayRecord("AgreementSigned", kind: .research, isLead: false) == false)
        #expect(RuleEngine.mayRecord("TechServiceDelivered", kind: .research, isLead: false))
    }

    @Test func secretariatMayRecordOnAMembersBehalf() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.sign("A2", school: "school-2", enterprise: "ent-2"), by: "assoc")
        try fixture.record(
            .orderClassOpened(
                OrderClassOpened(classId: "C2", agreementId: "A2", major: "机电", capacity: 30, intakeYear: 2025)),
            by: "gov")
        try fixture.record(Fixture.enrol("p9", in: "C2"), by: "assoc")
        try fixture.record(Fixture.claim("K9", applicant: "ent-2", person: "p9"), by: "gov")
    }

    @Test func enterpriseCannotEnrolIntoAnotherPairsClass() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(Fixture.enrol("p1"), by: "ent-2", .notPermitted, field: "actor")
    }

    @Test func schoolRecordsItsApprenticesEventsButNotOthers() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "ent-1")
        try fixture.record(Fixture.assess("p1"), by: "school-1")
        fixture.expectRejected(Fixture.assess("p1"), by: "school-2", .notPermitted, field: "actor")
    }

    @Test func memberAppliesOnlyForItself() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Fixture.enrol("p1"), by: "ent-1")
        fixture.expectRejected(Fixture.claim("K1", applicant: "ent-1"), by: "school-1", .notPermitted, field: "actor")
    }

    @Test func enterprisePublishesOnlyItsOwnDemandList() throws {
        var fixture = try Fixture.standard()
        let list = DomainEvent.demandListPublished(
            DemandListPublished(
                listId: "L1", enterpriseId: "ent-1", year: 2025, items: [.init(occupation: "数控车工", headcount: 3)]))
        fixture.expectRejected(list, by: "ent-2", .notPermitted, field: "actor")
        try fixture.record(list, by: "ent-1")
        fixture.expectRejected(list, by: "ent-1", .duplicateId, field: "data.listId")
    }

    @Test func memberReportsOnlyServicesItProvides() throws {
        var fixture = try Fixture.standard()
        let service = DomainEvent.techServiceDelivered(
            TechServiceDelivered(providerId: "school-1", clientId: "ent-2", valueFen: 5_000))
        fixture.expectRejected(service, by: "ent-2", .notPermitted, field: "actor")
        try fixture.record(service, by: "school-1")
    }

    @Test func schoolCannotPublishADemandListEvenAsItself() throws {
        var fixture = try Fixture.standard()
        let list = DomainEvent.demandListPublished(
            DemandListPublished(listId: "L1", enterpriseId: "school-1", year: 2025, items: []))
        fixture.expectRejected(list, by: "school-1", .notPermitted, field: "actor")
        fixture.expectRejected(list, by: "gov", .wrongMemberKind, field: "data.enterpriseId")
    }
}
