import Domain

/// The auditors' read model: every subsidy claim with its money and the evidence about its
/// person that the checks compare it with (enrolments, placements, hires, withdrawal).
public struct ClaimsProjector: Projector {
    public static let name = "claims"
    public static let version = 1

    public init() {}

    public func apply(_ event: DomainEvent, envelope: EventContext, to store: inout some ProjectionStore) throws {
        let day = envelope.occurredOn
        switch event {
        case .agreementSigned(let e):
            try store.put(
                KeyBytes.make(ClaimsLayout.agreement, e.agreementId),
                ClaimsLayout.pairKey(school: e.schoolId, enterprise: e.enterpriseId))
        case .orderClassOpened(let e):
            guard let pair = try store.get(KeyBytes.make(ClaimsLayout.agreement, e.agreementId)) else { return }
            try store.put(KeyBytes.make(ClaimsLayout.orderClass, e.classId), pair)
        case .apprenticeEnrolled(let e):
            guard let pair = try store.get(KeyBytes.make(ClaimsLayout.orderClass, e.classId)) else { return }
            let (school, enterprise) = ClaimsLayout.split(pair: pair)
            try updatePerson(e.personId, in: &store) {
                $0.enrolments.append(.init(schoolId: school, enterpriseId: enterprise, from: e.enrolledOn))
            }
        case .internshipPlaced(let e):
            try updatePerson(e.personId, in: &store) {
                $0.placements.append(.init(enterpriseId: e.enterpriseId, startsOn: e.startsOn, endsOn: e.endsOn))
            }
        case .graduateHired(let e):
            try updatePerson(e.personId, in: &store) {
                if !$0.hiredBy.contains(e.enterpriseId) { $0.hiredBy.append(e.enterpriseId) }
            }
        case .apprenticeWithdrawn(let e):
            try updatePerson(e.personId, in: &store) { if $0.withdrawnOn == nil { $0.withdrawnOn = day } }
        case .apprenticeGraduated(let e):
            try updatePerson(e.personId, in: &store) { if $0.graduatedOn == nil { $0.graduatedOn = day } }
        case .subsidyApplied(let e):
            let record = ClaimRecord(
                programme: e.programme, applicantId: e.applicantId, personId: e.personId, period: e.period,
                appliedOn: day, appliedFen: e.amountFen)
            try store.put(KeyBytes.make(ClaimsLayout.claim, e.claimId), record.encoded)
            if let personId = e.personId {
                let number = ClaimsLayout.caseNumber(e.programme)
                try store.update(ClaimsLayout.slotKey(applicantId: e.applicantId, personId: personId, period: e.period))
                { value in
                    var programmes = value ?? []
                    if !programmes.contains(number) {
                        programmes.append(number)
                        value = programmes
                    }
                }
            }
        case .subsidyApproved(let e):
            try updateClaim(e.claimId, in: &store) { $0.approvedFen &+= e.amountFen }
        case .subsidyPaid(let e):
            try updateClaim(e.claimId, in: &store) { claim in
                claim.paidFen &+= e.amountFen
                claim.lastPaidOn = max(claim.lastPaidOn ?? day, day)
            }
        case .subsidyClawedBack(let e):
            try updateClaim(e.claimId, in: &store) { $0.clawedBackFen &+= e.amountFen }
        case .consortiumChartered, .memberAdmitted, .memberWithdrawn, .enterpriseCertified,
            .councilResolutionPassed, .kpiTargetSet, .agreementAmended, .agreementTerminated,
            .demandListPublished, .mentorAssigned, .apprenticeAssessed, .certificateAwarded,
            .employmentVerified, .platformCreated, .contributionRecorded, .platformAccepted,
            .platformRejected, .projectCreated, .milestoneReported, .projectClosed, .budgetAllocated,
            .trainingDelivered, .techServiceDelivered, .memberKeyRegistered, .memberKeyRevoked:
            return
        }
    }

    private func updatePerson(
        _ personId: String, in store: inout some ProjectionStore, _ change: (inout PersonEvidence) -> Void
    ) throws {
        // One probe of the store, not a get and a put (in memory the value changes in place).
        try store.update(KeyBytes.make(ClaimsLayout.person, personId)) { value in
            var evidence = try value.map(PersonEvidence.init) ?? PersonEvidence()
            change(&evidence)
            value = evidence.encoded
        }
    }

    private func updateClaim(
        _ claimId: String, in store: inout some ProjectionStore, _ change: (inout ClaimRecord) -> Void
    ) throws {
        try store.update(KeyBytes.make(ClaimsLayout.claim, claimId)) { value in
            guard let bytes = value else { return }
            var claim = try ClaimRecord(bytes)
            change(&claim)
            value = claim.encoded
        }
    }
}
