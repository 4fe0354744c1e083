import Domain
import Testing

@Suite struct OrderAndActorTests {
    @Test func rejectsAnyEventBeforeTheCharter() {
        var fixture = Fixture()
        fixture.expectRejected(
            .memberAdmitted(MemberAdmitted(memberId: "gov", name: "市政府", kind: .government)), by: "gov", .chartering,
            field: "type")
    }

    @Test func rejectsASecondCharter() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .consortiumChartered(
                ConsortiumChartered(consortiumId: "SZ2", name: "again", region: "苏州", leadMemberId: "gov")),
            by: "gov", .chartering, field: "type")
    }

    @Test func rejectsACharterNotRecordedByItsLead() {
        var fixture = Fixture()
        fixture.expectRejected(
            .consortiumChartered(ConsortiumChartered(consortiumId: "SZ", name: "n", region: "r", leadMemberId: "gov")),
            by: "assoc", .chartering, field: "actor")
    }

    @Test func leadActsAsSecretariatBeforeItsOwnAdmission() throws {
        var fixture = try Fixture.charterOnly()
        try fixture.admit("school-1", .school)
        #expect(
            try fixture.engine.member("gov", in: fixture.state)
                == MemberStatus(kind: nil, isActive: true, isLead: true, isSecretariat: true))
        try fixture.admit("gov", .government)
        #expect(try fixture.engine.member("gov", in: fixture.state)?.kind == .government)
        #expect(try fixture.engine.leadMemberId(in: fixture.state) == "gov")
    }

    @Test func rejectsAdmittingAMemberTwice() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .memberAdmitted(MemberAdmitted(memberId: "ent-1", name: "again", kind: .enterprise)), by: "gov",
            .duplicateId, field: "data.memberId")
    }

    /// Every event type but the charter needs a known actor.
    @Test(arguments: DomainEvent.allTypeNames.filter { $0 != ConsortiumChartered.typeName })
    func rejectsAnUnknownActor(typeName: String) throws {
        var fixture = try Fixture.standard()
        let event = try #require(DomainEvent.samples.first { $0.typeName == typeName })
        fixture.expectRejected(event, by: "stranger", .unknownReference, field: "actor")
    }

    @Test func rejectsACharterByAnUnknownActorAsChartering() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(DomainEvent.samples[0], by: "stranger", .chartering, field: "type")
    }

    @Test func rejectsAWithdrawnActor() throws {
        var fixture = try Fixture.standard()
        try fixture.record(.memberWithdrawn(MemberWithdrawn(memberId: "ent-2", reason: "迁出")), by: "gov")
        fixture.expectRejected(
            .demandListPublished(DemandListPublished(listId: "L1", enterpriseId: "ent-2", year: 2025, items: [])),
            by: "ent-2", .inactiveMember, field: "actor")
        #expect(try fixture.engine.member("ent-2", in: fixture.state)?.isActive == false)
    }

    @Test func rejectsWithdrawingTheLead() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            .memberWithdrawn(MemberWithdrawn(memberId: "gov", reason: "x")), by: "assoc", .notPermitted,
            field: "data.memberId")
    }

    @Test(arguments: RuleEngine.secretariatOnlyTypes.sorted())
    func rejectsSecretariatOnlyTypesFromOtherMembers(typeName: String) throws {
        var fixture = try Fixture.standard()
        let event = try #require(DomainEvent.samples.first { $0.typeName == typeName })
        let violation = fixture.expectRejected(event, by: "ent-1", .notPermitted, field: "actor")
        #expect(
            violation?.message
                == "actor ent-1 may not record \(typeName): only the secretariat (government, park or association members) may"
        )
    }
}
