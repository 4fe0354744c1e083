/// One event of the catalogue, whatever its type: what the store appends, projectors fold
/// and rules check. Switch over it to handle types exhaustively.
public enum DomainEvent: Sendable, Equatable {
    case consortiumChartered(ConsortiumChartered)
    case memberAdmitted(MemberAdmitted)
    case memberWithdrawn(MemberWithdrawn)
    case enterpriseCertified(EnterpriseCertified)
    case councilResolutionPassed(CouncilResolutionPassed)
    case kpiTargetSet(KPITargetSet)
    case agreementSigned(AgreementSigned)
    case agreementAmended(AgreementAmended)
    case agreementTerminated(AgreementTerminated)
    case demandListPublished(DemandListPublished)
    case orderClassOpened(OrderClassOpened)
    case apprenticeEnrolled(ApprenticeEnrolled)
    case mentorAssigned(MentorAssigned)
    case internshipPlaced(InternshipPlaced)
    case apprenticeAssessed(ApprenticeAssessed)
    case certificateAwarded(CertificateAwarded)
    case apprenticeWithdrawn(ApprenticeWithdrawn)
    case apprenticeGraduated(ApprenticeGraduated)
    case graduateHired(GraduateHired)
    case employmentVerified(EmploymentVerified)
    case platformCreated(PlatformCreated)
    case contributionRecorded(ContributionRecorded)
    case platformAccepted(PlatformAccepted)
    case platformRejected(PlatformRejected)
    case projectCreated(ProjectCreated)
    case milestoneReported(MilestoneReported)
    case projectClosed(ProjectClosed)
    case budgetAllocated(BudgetAllocated)
    case subsidyApplied(SubsidyApplied)
    case subsidyApproved(SubsidyApproved)
    case subsidyPaid(SubsidyPaid)
    case subsidyClawedBack(SubsidyClawedBack)
    case trainingDelivered(TrainingDelivered)
    case techServiceDelivered(TechServiceDelivered)
    case memberKeyRegistered(MemberKeyRegistered)
    case memberKeyRevoked(MemberKeyRevoked)
}

extension DomainEvent {
    /// Every payload type, in type-code order (index = code - 1).
    public static let payloadTypes: [any EventPayload.Type] = [
        ConsortiumChartered.self,
        MemberAdmitted.self,
        MemberWithdrawn.self,
        EnterpriseCertified.self,
        CouncilResolutionPassed.self,
        KPITargetSet.self,
        AgreementSigned.self,
        AgreementAmended.self,
        AgreementTerminated.self,
        DemandListPublished.self,
        OrderClassOpened.self,
        ApprenticeEnrolled.self,
        MentorAssigned.self,
        InternshipPlaced.self,
        ApprenticeAssessed.self,
        CertificateAwarded.self,
        ApprenticeWithdrawn.self,
        ApprenticeGraduated.self,
        GraduateHired.self,
        EmploymentVerified.self,
        PlatformCreated.self,
        ContributionRecorded.self,
        PlatformAccepted.self,
        PlatformRejected.self,
        ProjectCreated.self,
        MilestoneReported.self,
        ProjectClosed.self,
        BudgetAllocated.self,
        SubsidyApplied.self,
        SubsidyApproved.self,
        SubsidyPaid.self,
        SubsidyClawedBack.self,
        TrainingDelivered.self,
        TechServiceDelivered.self,
        MemberKeyRegistered.self,
        MemberKeyRevoked.self,
    ]

    /// The wrapped payload, for code that treats all types alike.
    public var payload: any EventPayload {
        switch self {
        case .consortiumChartered(let payload): return payload
        case .memberAdmitted(let payload): return payload
        case .memberWithdrawn(let payload): return payload
        case .enterpriseCertified(let payload): return payload
        case .councilResolutionPassed(let payload): return payload
        case .kpiTargetSet(let payload): return payload
        case .agreementSigned(let payload): return payload
        case .agreementAmended(let payload): return payload
        case .agreementTerminated(let payload): return payload
        case .demandListPublished(let payload): return payload
        case .orderClassOpened(let payload): return payload
        case .apprenticeEnrolled(let payload): return payload
        case .mentorAssigned(let payload): return payload
        case .internshipPlaced(let payload): return payload
        case .apprenticeAssessed(let payload): return payload
        case .certificateAwarded(let payload): return payload
        case .apprenticeWithdrawn(let payload): return payload
        case .apprenticeGraduated(let payload): return payload
        case .graduateHired(let payload): return payload
        case .employmentVerified(let payload): return payload
        case .platformCreated(let payload): return payload
        case .contributionRecorded(let payload): return payload
        case .platformAccepted(let payload): return payload
        case .platformRejected(let payload): return payload
        case .projectCreated(let payload): return payload
        case .milestoneReported(let payload): return payload
        case .projectClosed(let payload): return payload
        case .budgetAllocated(let payload): return payload
        case .subsidyApplied(let payload): return payload
        case .subsidyApproved(let payload): return payload
        case .subsidyPaid(let payload): return payload
        case .subsidyClawedBack(let payload): return payload
        case .trainingDelivered(let payload): return payload
        case .techServiceDelivered(let payload): return payload
        case .memberKeyRegistered(let payload): return payload
        case .memberKeyRevoked(let payload): return payload
        }
    }

    public var payloadType: any EventPayload.Type {
        switch self {
        case .consortiumChartered: return ConsortiumChartered.self
        case .memberAdmitted: return MemberAdmitted.self
        case .memberWithdrawn: return MemberWithdrawn.self
        case .enterpriseCertified: return EnterpriseCertified.self
        case .councilResolutionPassed: return CouncilResolutionPassed.self
        case .kpiTargetSet: return KPITargetSet.self
        case .agreementSigned: return AgreementSigned.self
        case .agreementAmended: return AgreementAmended.self
        case .agreementTerminated: return AgreementTerminated.self
        case .demandListPublished: return DemandListPublished.self
        case .orderClassOpened: return OrderClassOpened.self
        case .apprenticeEnrolled: return ApprenticeEnrolled.self
        case .mentorAssigned: return MentorAssigned.self
        case .internshipPlaced: return InternshipPlaced.self
        case .apprenticeAssessed: return ApprenticeAssessed.self
        case .certificateAwarded: return CertificateAwarded.self
        case .apprenticeWithdrawn: return ApprenticeWithdrawn.self
        case .apprenticeGraduated: return ApprenticeGraduated.self
        case .graduateHired: return GraduateHired.self
        case .employmentVerified: return EmploymentVerified.self
        case .platformCreated: return PlatformCreated.self
        case .contributionRecorded: return ContributionRecorded.self
        case .platformAccepted: return PlatformAccepted.self
        case .platformRejected: return PlatformRejected.self
        case .projectCreated: return ProjectCreated.self
        case .milestoneReported: return MilestoneReported.self
        case .projectClosed: return ProjectClosed.self
        case .budgetAllocated: return BudgetAllocated.self
        case .subsidyApplied: return SubsidyApplied.self
        case .subsidyApproved: return SubsidyApproved.self
        case .subsidyPaid: return SubsidyPaid.self
        case .subsidyClawedBack: return SubsidyClawedBack.self
        case .trainingDelivered: return TrainingDelivered.self
        case .techServiceDelivered: return TechServiceDelivered.self
        case .memberKeyRegistered: return MemberKeyRegistered.self
        case .memberKeyRevoked: return MemberKeyRevoked.self
        }
    }

    /// The stream the event is appended to (`agreement-A1`, `person-p7` …).
    public var streamId: String {
        switch self {
        case .consortiumChartered(let payload): return payload.streamId
        case .memberAdmitted(let payload): return payload.streamId
        case .memberWithdrawn(let payload): return payload.streamId
        case .enterpriseCertified(let payload): return payload.streamId
        case .councilResolutionPassed(let payload): return payload.streamId
        case .kpiTargetSet(let payload): return payload.streamId
        case .agreementSigned(let payload): return payload.streamId
        case .agreementAmended(let payload): return payload.streamId
        case .agreementTerminated(let payload): return payload.streamId
        case .demandListPublished(let payload): return payload.streamId
        case .orderClassOpened(let payload): return payload.streamId
        case .apprenticeEnrolled(let payload): return payload.streamId
        case .mentorAssigned(let payload): return payload.streamId
        case .internshipPlaced(let payload): return payload.streamId
        case .apprenticeAssessed(let payload): return payload.streamId
        case .certificateAwarded(let payload): return payload.streamId
        case .apprenticeWithdrawn(let payload): return payload.streamId
        case .apprenticeGraduated(let payload): return payload.streamId
        case .graduateHired(let payload): return payload.streamId
        case .employmentVerified(let payload): return payload.streamId
        case .platformCreated(let payload): return payload.streamId
        case .contributionRecorded(let payload): return payload.streamId
        case .platformAccepted(let payload): return payload.streamId
        case .platformRejected(let payload): return payload.streamId
        case .projectCreated(let payload): return payload.streamId
        case .milestoneReported(let payload): return payload.streamId
        case .projectClosed(let payload): return payload.streamId
        case .budgetAllocated(let payload): return payload.streamId
        case .subsidyApplied(let payload): return payload.streamId
        case .subsidyApproved(let payload): return payload.streamId
        case .subsidyPaid(let payload): return payload.streamId
        case .subsidyClawedBack(let payload): return payload.streamId
        case .trainingDelivered(let payload): return payload.streamId
        case .techServiceDelivered(let payload): return payload.streamId
        case .memberKeyRegistered(let payload): return payload.streamId
        case .memberKeyRevoked(let payload): return payload.streamId
        }
    }

    /// Writes the binary payload (no type code or version: the envelope carries those).
    public func encode(into writer: inout BinaryWriter) {
        switch self {
        case .consortiumChartered(let payload): payload.encode(into: &writer)
        case .memberAdmitted(let payload): payload.encode(into: &writer)
        case .memberWithdrawn(let payload): payload.encode(into: &writer)
        case .enterpriseCertified(let payload): payload.encode(into: &writer)
        case .councilResolutionPassed(let payload): payload.encode(into: &writer)
        case .kpiTargetSet(let payload): payload.encode(into: &writer)
        case .agreementSigned(let payload): payload.encode(into: &writer)
        case .agreementAmended(let payload): payload.encode(into: &writer)
        case .agreementTerminated(let payload): payload.encode(into: &writer)
        case .demandListPublished(let payload): payload.encode(into: &writer)
        case .orderClassOpened(let payload): payload.encode(into: &writer)
        case .apprenticeEnrolled(let payload): payload.encode(into: &writer)
        case .mentorAssigned(let payload): payload.encode(into: &writer)
        case .internshipPlaced(let payload): payload.encode(into: &writer)
        case .apprenticeAssessed(let payload): payload.encode(into: &writer)
        case .certificateAwarded(let payload): payload.encode(into: &writer)
        case .apprenticeWithdrawn(let payload): payload.encode(into: &writer)
        case .apprenticeGraduated(let payload): payload.encode(into: &writer)
        case .graduateHired(let payload): payload.encode(into: &writer)
        case .employmentVerified(let payload): payload.encode(into: &writer)
        case .platformCreated(let payload): payload.encode(into: &writer)
        case .contributionRecorded(let payload): payload.encode(into: &writer)
        case .platformAccepted(let payload): payload.encode(into: &writer)
        case .platformRejected(let payload): payload.encode(into: &writer)
        case .projectCreated(let payload): payload.encode(into: &writer)
        case .milestoneReported(let payload): payload.encode(into: &writer)
        case .projectClosed(let payload): payload.encode(into: &writer)
        case .budgetAllocated(let payload): payload.encode(into: &writer)
        case .subsidyApplied(let payload): payload.encode(into: &writer)
        case .subsidyApproved(let payload): payload.encode(into: &writer)
        case .subsidyPaid(let payload): payload.encode(into: &writer)
        case .subsidyClawedBack(let payload): payload.encode(into: &writer)
        case .trainingDelivered(let payload): payload.encode(into: &writer)
        case .techServiceDelivered(let payload): payload.encode(into: &writer)
        case .memberKeyRegistered(let payload): payload.encode(into: &writer)
        case .memberKeyRevoked(let payload): payload.encode(into: &writer)
        }
    }

    /// Reads `data` as the type with `typeCode`: a jump table, no existentials, so
    /// every call is specialised. `nil` for an unknown code.
    static func fromJSON(typeCode: UInt16, _ object: JSONObject) throws(FieldError) -> DomainEvent? {
        switch typeCode {
        case 1: return .consortiumChartered(try ConsortiumChartered(json: object))
        case 2: return .memberAdmitted(try MemberAdmitted(json: object))
        case 3: return .memberWithdrawn(try MemberWithdrawn(json: object))
        case 4: return .enterpriseCertified(try EnterpriseCertified(json: object))
        case 5: return .councilResolutionPassed(try CouncilResolutionPassed(json: object))
        case 6: return .kpiTargetSet(try KPITargetSet(json: object))
        case 7: return .agreementSigned(try AgreementSigned(json: object))
        case 8: return .agreementAmended(try AgreementAmended(json: object))
        case 9: return .agreementTerminated(try AgreementTerminated(json: object))
        case 10: return .demandListPublished(try DemandListPublished(json: object))
        case 11: return .orderClassOpened(try OrderClassOpened(json: object))
        case 12: return .apprenticeEnrolled(try ApprenticeEnrolled(json: object))
        case 13: return .mentorAssigned(try MentorAssigned(json: object))
        case 14: return .internshipPlaced(try InternshipPlaced(json: object))
        case 15: return .apprenticeAssessed(try ApprenticeAssessed(json: object))
        case 16: return .certificateAwarded(try CertificateAwarded(json: object))
        case 17: return .apprenticeWithdrawn(try ApprenticeWithdrawn(json: object))
        case 18: return .apprenticeGraduated(try ApprenticeGraduated(json: object))
        case 19: return .graduateHired(try GraduateHired(json: object))
        case 20: return .employmentVerified(try EmploymentVerified(json: object))
        case 21: return .platformCreated(try PlatformCreated(json: object))
        case 22: return .contributionRecorded(try ContributionRecorded(json: object))
        case 23: return .platformAccepted(try PlatformAccepted(json: object))
        case 24: return .platformRejected(try PlatformRejected(json: object))
        case 25: return .projectCreated(try ProjectCreated(json: object))
        case 26: return .milestoneReported(try MilestoneReported(json: object))
        case 27: return .projectClosed(try ProjectClosed(json: object))
        case 28: return .budgetAllocated(try BudgetAllocated(json: object))
        case 29: return .subsidyApplied(try SubsidyApplied(json: object))
        case 30: return .subsidyApproved(try SubsidyApproved(json: object))
        case 31: return .subsidyPaid(try SubsidyPaid(json: object))
        case 32: return .subsidyClawedBack(try SubsidyClawedBack(json: object))
        case 33: return .trainingDelivered(try TrainingDelivered(json: object))
        case 34: return .techServiceDelivered(try TechServiceDelivered(json: object))
        case 35: return .memberKeyRegistered(try MemberKeyRegistered(json: object))
        case 36: return .memberKeyRevoked(try MemberKeyRevoked(json: object))
        default: return nil
        }
    }

    /// Decodes a stored payload of the type with `typeCode`. `nil` for an unknown code.
    static func fromPayload(
        typeCode: UInt16, schemaVersion: UInt16, _ payload: UnsafeRawBufferPointer
    ) throws(PayloadDecodingError) -> DomainEvent? {
        switch typeCode {
        case 1:
            return .consortiumChartered(try ConsortiumChartered.decode(schemaVersion: schemaVersion, payload: payload))
        case 2: return .memberAdmitted(try MemberAdmitted.decode(schemaVersion: schemaVersion, payload: payload))
        case 3: return .memberWithdrawn(try MemberWithdrawn.decode(schemaVersion: schemaVersion, payload: payload))
        case 4:
            return .enterpriseCertified(try EnterpriseCertified.decode(schemaVersion: schemaVersion, payload: payload))
        case 5:
            return .councilResolutionPassed(
                try CouncilResolutionPassed.decode(schemaVersion: schemaVersion, payload: payload))
        case 6: return .kpiTargetSet(try KPITargetSet.decode(schemaVersion: schemaVersion, payload: payload))
        case 7: return .agreementSigned(try AgreementSigned.decode(schemaVersion: schemaVersion, payload: payload))
        case 8: return .agreementAmended(try AgreementAmended.decode(schemaVersion: schemaVersion, payload: payload))
        case 9:
            return .agreementTerminated(try AgreementTerminated.decode(schemaVersion: schemaVersion, payload: payload))
        case 10:
            return .demandListPublished(try DemandListPublished.decode(schemaVersion: schemaVersion, payload: payload))
        case 11: return .orderClassOpened(try OrderClassOpened.decode(schemaVersion: schemaVersion, payload: payload))
        case 12:
            return .apprenticeEnrolled(try ApprenticeEnrolled.decode(schemaVersion: schemaVersion, payload: payload))
        case 13: return .mentorAssigned(try MentorAssigned.decode(schemaVersion: schemaVersion, payload: payload))
        case 14: return .internshipPlaced(try InternshipPlaced.decode(schemaVersion: schemaVersion, payload: payload))
        case 15:
            return .apprenticeAssessed(try ApprenticeAssessed.decode(schemaVersion: schemaVersion, payload: payload))
        case 16:
            return .certificateAwarded(try CertificateAwarded.decode(schemaVersion: schemaVersion, payload: payload))
        case 17:
            return .apprenticeWithdrawn(try ApprenticeWithdrawn.decode(schemaVersion: schemaVersion, payload: payload))
        case 18:
            return .apprenticeGraduated(try ApprenticeGraduated.decode(schemaVersion: schemaVersion, payload: payload))
        case 19: return .graduateHired(try GraduateHired.decode(schemaVersion: schemaVersion, payload: payload))
        case 20:
            return .employmentVerified(try EmploymentVerified.decode(schemaVersion: schemaVersion, payload: payload))
        case 21: return .platformCreated(try PlatformCreated.decode(schemaVersion: schemaVersion, payload: payload))
        case 22:
            return .contributionRecorded(
                try ContributionRecorded.decode(schemaVersion: schemaVersion, payload: payload))
        case 23: return .platformAccepted(try PlatformAccepted.decode(schemaVersion: schemaVersion, payload: payload))
        case 24: return .platformRejected(try PlatformRejected.decode(schemaVersion: schemaVersion, payload: payload))
        case 25: return .projectCreated(try ProjectCreated.decode(schemaVersion: schemaVersion, payload: payload))
        case 26: return .milestoneReported(try MilestoneReported.decode(schemaVersion: schemaVersion, payload: payload))
        case 27: return .projectClosed(try ProjectClosed.decode(schemaVersion: schemaVersion, payload: payload))
        case 28: return .budgetAllocated(try BudgetAllocated.decode(schemaVersion: schemaVersion, payload: payload))
        case 29: return .subsidyApplied(try SubsidyApplied.decode(schemaVersion: schemaVersion, payload: payload))
        case 30: return .subsidyApproved(try SubsidyApproved.decode(schemaVersion: schemaVersion, payload: payload))
        case 31: return .subsidyPaid(try SubsidyPaid.decode(schemaVersion: schemaVersion, payload: payload))
        case 32: return .subsidyClawedBack(try SubsidyClawedBack.decode(schemaVersion: schemaVersion, payload: payload))
        case 33: return .trainingDelivered(try TrainingDelivered.decode(schemaVersion: schemaVersion, payload: payload))
        case 34:
            return .techServiceDelivered(
                try TechServiceDelivered.decode(schemaVersion: schemaVersion, payload: payload))
        case 35:
            return .memberKeyRegistered(try MemberKeyRegistered.decode(schemaVersion: schemaVersion, payload: payload))
        case 36: return .memberKeyRevoked(try MemberKeyRevoked.decode(schemaVersion: schemaVersion, payload: payload))
        default: return nil
        }
    }
}
