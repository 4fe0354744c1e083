// What each kind of member may record at all (docs/DOMAIN.md, Order and actors). Whether one
// particular event concerns the actor (a party, the applicant, the provider …) is checked
// by each rule.

/// Who may record an event type at all. The lead and the secretariat (government, park and
/// association members) may record every type but the charter, also on a member's behalf.
public enum RecordingRight: Sendable, Equatable, CaseIterable {
    /// Only the lead member named in it: `ConsortiumChartered`.
    case leadOnly
    /// Only the secretariat.
    case secretariat
    /// The secretariat, and schools and enterprises (for agreements, classes and apprentices
    /// they are party to).
    case schoolOrEnterprise
    /// The secretariat, and enterprises (for their own demand lists).
    case enterprise
    /// The secretariat and any admitted member (for what concerns it).
    case anyMember

    /// Whether a member of `kind` (nil: the lead before its admission) holds this right.
    public func allows(kind: MemberKind?, isLead: Bool) -> Bool {
        switch self {
        case .leadOnly: return isLead
        case _ where isLead || (kind?.isSecretariat ?? false): return true
        case .secretariat: return false
        case .schoolOrEnterprise: return kind == .school || kind == .enterprise
        case .enterprise: return kind == .enterprise
        case .anyMember: return true
        }
    }
}

extension DomainEvent {
    /// The permission table: one entry per event type and no default, so a new type does
    /// not compile until someone decides who may record it.
    public var recordingRight: RecordingRight {
        switch self {
        case .consortiumChartered: return .leadOnly
        case .memberAdmitted, .memberWithdrawn, .enterpriseCertified, .councilResolutionPassed, .kpiTargetSet:
            return .secretariat
        case .agreementSigned, .agreementAmended, .agreementTerminated, .orderClassOpened: return .schoolOrEnterprise
        case .demandListPublished: return .enterprise
        case .apprenticeEnrolled, .mentorAssigned, .apprenticeAssessed, .certificateAwarded, .apprenticeWithdrawn,
            .apprenticeGraduated:
            return .schoolOrEnterprise
        // As the enterprise, or as a party to the apprentice's agreement (its school).
        case .internshipPlaced, .graduateHired, .employmentVerified: return .schoolOrEnterprise
        case .platformCreated, .contributionRecorded, .projectCreated, .milestoneReported: return .anyMember
        case .platformAccepted, .platformRejected, .projectClosed: return .secretariat
        case .budgetAllocated, .subsidyApproved, .subsidyPaid, .subsidyClawedBack: return .secretariat
        case .subsidyApplied: return .anyMember
        case .trainingDelivered, .techServiceDelivered: return .anyMember
        case .memberKeyRegistered, .memberKeyRevoked: return .secretariat
        }
    }
}

extension RuleEngine {
    /// The event types only the secretariat (the lead; government, park and association
    /// members) may record.
    public static let secretariatOnlyTypes: Set<String> = Set(
        DomainEvent.samples.filter { $0.recordingRight == .secretariat }.map(\.typeName))

    /// Whether a member of `kind` may record events of type `typeName` at all (false for a type
    /// the catalogue does not have).
    public static func mayRecord(_ typeName: String, kind: MemberKind?, isLead: Bool) -> Bool {
        guard let sample = DomainEvent.samples.first(where: { $0.typeName == typeName }) else { return false }
        return mayRecord(sample, kind: kind, isLead: isLead)
    }

    /// Whether a member of `kind` (nil: the lead before its admission) may record `event`'s
    /// type at all; whether this particular event concerns it is checked by `apply`.
    public static func mayRecord(_ event: DomainEvent, kind: MemberKind?, isLead: Bool) -> Bool {
        event.recordingRight.allows(kind: kind, isLead: isLead)
    }
}
