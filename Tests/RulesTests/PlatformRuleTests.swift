import Domain
import Testing

@Suite struct PlatformRuleTests {
    static func platform(_ id: String = "X1", members: [String] = ["school-1", "ent-1"]) -> DomainEvent {
        .platformCreated(
            PlatformCreated(platformId: id, kind: .lab, name: "工匠实验室", memberIds: members, plannedBudgetFen: 1_000_000))
    }

    static func project(
        _ id: String = "P1", lead: String = "ent-1", platform: String? = "X1",
        ends: LocalDate = Fixture.date(2025, 12, 31)
    ) -> DomainEvent {
        .projectCreated(
            ProjectCreated(
                projectId: id, title: "实训室建设", platformId: platform, leadMemberId: lead, budgetFen: 500_000,
                startsOn: Fixture.date(2025, 3, 1), endsOn: ends,
                milestones: [.init(milestoneId: "m1", title: "设备采购", dueOn: Fixture.date(2025, 6, 30))]))
    }

    static func reported(_ milestone: String = "m1") -> DomainEvent {
        .milestoneReported(MilestoneReported(projectId: "P1", milestoneId: milestone))
    }

    @Test func platformAndProjectLifecycleIsAccepted() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.platform(), by: "school-1")
        try fixture.record(
            .contributionRecorded(ContributionRecorded(platformId: "X1", memberId: "ent-1", kind: .cash, valueFen: 10)),
            by: "ent-1")
        try fixture.record(Self.project(), by: "school-1")
        try fixture.record(Self.reported(), by: "school-1")
        try fixture.record(.projectClosed(ProjectClosed(projectId: "P1", outcome: "验收通过")), by: "gov")
        try fixture.record(.platformAccepted(PlatformAccepted(platformId: "X1")), by: "gov")
    }

    @Test func rejectsAPlatformCreatedByANonMember() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(Self.platform(), by: "ent-2", .notPermitted, field: "actor")
    }

    @Test func rejectsAPlatformWithAnUnknownMember() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Self.platform(members: ["ent-1", "ghost"]), by: "ent-1", .unknownReference, field: "data.memberIds")
    }

    @Test func rejectsSomeoneElsesContribution() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.platform(), by: "school-1")
        fixture.expectRejected(
            .contributionRecorded(ContributionRecorded(platformId: "X1", memberId: "ent-1", kind: .cash, valueFen: 10)),
            by: "school-1",
            .notPermitted, field: "actor")
    }

    @Test func rejectsAProjectOnAnUnknownPlatform() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(Self.project(platform: "X9"), by: "gov", .unknownReference, field: "data.platformId")
    }

    @Test func rejectsAProjectEndingBeforeItStarts() throws {
        var fixture = try Fixture.standard()
        fixture.expectRejected(
            Self.project(platform: nil, ends: Fixture.date(2025, 1, 1)), by: "ent-1", .invalidDates,
            field: "data.endsOn")
    }

    @Test func rejectsAnUnknownMilestone() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.project(platform: nil), by: "ent-1")
        fixture.expectRejected(Self.reported("m9"), by: "ent-1", .unknownReference, field: "data.milestoneId")
    }

    @Test func rejectsReportingAMilestoneTwiceOrAfterClosing() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.project(platform: nil), by: "ent-1")
        try fixture.record(Self.reported(), by: "ent-1")
        fixture.expectRejected(Self.reported(), by: "ent-1", .alreadyRecorded, field: "data.milestoneId")
        try fixture.record(.projectClosed(ProjectClosed(projectId: "P1", outcome: "结项")), by: "gov")
        fixture.expectRejected(
            .projectClosed(ProjectClosed(projectId: "P1", outcome: "again")), by: "gov", .alreadyRecorded,
            field: "data.projectId")
    }

    @Test func rejectsMilestonesFromOutsiders() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.platform(), by: "ent-1")
        try fixture.record(Self.project(), by: "ent-1")
        fixture.expectRejected(Self.reported(), by: "ent-3", .notPermitted, field: "actor")
    }

    @Test func acceptanceIsFinal() throws {
        var fixture = try Fixture.standard()
        try fixture.record(Self.platform(), by: "ent-1")
        try fixture.record(.platformRejected(PlatformRejected(platformId: "X1", reason: "整改")), by: "gov")
        fixture.expectRejected(
            .platformRejected(PlatformRejected(platformId: "X1", reason: "x")), by: "gov", .alreadyRecorded,
            field: "data.platformId")
        try fixture.record(.platformAccepted(PlatformAccepted(platformId: "X1")), by: "gov")
        fixture.expectRejected(
            .platformRejected(PlatformRejected(platformId: "X1", reason: "x")), by: "gov", .alreadyRecorded,
            field: "data.platformId")
    }
}
