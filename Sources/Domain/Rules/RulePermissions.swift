// What each kind of member may record at all (docs/DOMAIN.md, Order and actors). Whether one
// particular event concerns the actor (a party, the applicant, the provider …) is checked
// by each rule.

extension RuleEngine {
    /// The event types only the secretariat (the lead; government, park and association
    /// members) may record.
    public static let secretariatOnlyTypes: Set<String> = [
        MemberAdmitted.typeName, MemberWithdrawn.typeName, EnterpriseCertified.typeName,
        CouncilResolutionPassed.typeName, KPITargetSet.typeName, BudgetAllocated.typeName,
        SubsidyApproved.typeName, SubsidyPaid.typeName, SubsidyClawedBack.typeName,
        PlatformAccepted.typeName, PlatformRejected.typeName, ProjectClosed.typeName,
        MemberKeyRegistered.typeName, MemberKeyRevoked.typeName,
    ]

    /// Whether a member of `kind` (nil: the lead before its admission) may record events of
    /// type `typeName` at all; whether a particular event concerns it is checked by `apply`.
    /// The audit uses this to report signed events of a type the signer could never emit.
    public static func mayRecord(_ typeName: String, kind: MemberKind?, isLead: Bool) -> Bool {
        if isLead || (kind?.isSecretariat ?? false) { return true }
        if secretariatOnlyTypes.contains(typeName) || typeName == ConsortiumChartered.typeName { return false }
        switch typeName {
        case AgreementSigned.typeName, AgreementAmended.typeName, AgreementTerminated.typeName,
            OrderClassOpened.typeName, ApprenticeEnrolled.typeName, MentorAssigned.typeName,
            ApprenticeAssessed.typeName, CertificateAwarded.typeName, ApprenticeWithdrawn.typeName,
            ApprenticeGraduated.typeName:
            return kind == .school || kind == .enterprise
        case InternshipPlaced.typeName, GraduateHired.typeName, EmploymentVerified.typeName:
            // As the enterprise, or as a party to the apprentice's agreement (its school).
            return kind == .school || kind == .enterprise
        case DemandListPublished.typeName:
            return kind == .enterprise
        default:
            return true
        }
    }
}
