import Domain
import Testing

/// The permission table against docs/DOMAIN.md (Order and actors), written out here by type
/// name, for every event type and every member kind (plus the lead and a not-yet-admitted lead).
@Suite struct PermissionTableTests {
    static let secretariatOnly: Set<String> = [
        "MemberAdmitted", "MemberWithdrawn", "EnterpriseCertified", "CouncilResolutionPassed", "KPITargetSet",
        "BudgetAllocated", "SubsidyApproved", "SubsidyPaid", "SubsidyClawedBack", "PlatformAccepted",
        "PlatformRejected", "ProjectClosed", "MemberKeyRegistered", "MemberKeyRevoked",
    ]
    static let schoolsAndEnterprises: Set<String> = [
        "AgreementSigned", "AgreementAmended", "AgreementTerminated", "OrderClassOpened", "ApprenticeEnrolled",
        "MentorAssigned", "InternshipPlaced", "ApprenticeAssessed", "CertificateAwarded", "ApprenticeWithdrawn",
        "ApprenticeGraduated", "GraduateHired", "EmploymentVerified",
    ]
    static let enterprisesOnly: Set<String> = ["DemandListPublished"]
    static let everyMember: Set<String> = [
        "PlatformCreated", "ContributionRecorded", "ProjectCreated", "MilestoneReported", "SubsidyApplied",
        "TrainingDelivered", "TechServiceDelivered",
    ]

    /// Who may record `typeName`, as the contract states it.
    static func expected(_ typeName: String, kind: MemberKind?, isLead: Bool) -> Bool {
        if typeName == "ConsortiumChartered" { return isLead }
        if isLead || kind?.isSecretariat == true { return true }
        if secretariatOnly.contains(typeName) { return false }
        if schoolsAndEnterprises.contains(typeName) { return kind == .school || kind == .enterprise }
        if enterprisesOnly.contains(typeName) { return kind == .enterprise }
        return everyMember.contains(typeName)
    }

    @Test func theContractTableNamesEveryTypeOnce() {
        let groups = [
            Array(Self.secretariatOnly), Array(Self.schoolsAndEnterprises), Array(Self.enterprisesOnly),
            Array(Self.everyMember),
        ]
        let named = groups.flatMap { $0 } + ["ConsortiumChartered"]
        #expect(Set(named).count == named.count, "a type is in two groups")
        #expect(Set(named) == Set(DomainEvent.samples.map(\.typeName)), "a type of the catalogue has no entry here")
    }

    static let actors: [(kind: MemberKind?, isLead: Bool)] =
        MemberKind.allCases.map { ($0, false) } + MemberKind.allCases.map { ($0, true) } + [(nil, true)]

    @Test(arguments: DomainEvent.samples)
    func everyMemberKindGetsTheContractsAnswer(_ event: DomainEvent) {
        for actor in Self.actors {
            #expect(
                RuleEngine.mayRecord(event, kind: actor.kind, isLead: actor.isLead)
                    == Self.expected(event.typeName, kind: actor.kind, isLead: actor.isLead),
                "\(event.typeName) by \(actor.kind?.rawValue ?? "nil")\(actor.isLead ? " (lead)" : "")")
            #expect(
                RuleEngine.mayRecord(event.typeName, kind: actor.kind, isLead: actor.isLead)
                    == RuleEngine.mayRecord(event, kind: actor.kind, isLead: actor.isLead))
        }
    }

    @Test func secretariatOnlyTypesAreTheSecretariatRows() {
        #expect(RuleEngine.secretariatOnlyTypes == Self.secretariatOnly)
        #expect(RuleEngine.mayRecord("NoSuchEvent", kind: .government, isLead: true) == false)
    }
}
