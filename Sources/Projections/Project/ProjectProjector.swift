import Domain

/// Per co-built project: milestones, budget against its platform's contributions and
/// spend, acceptance and closure. Most events do not concern projects and cost nothing.
public struct ProjectProjector: Projector {
    public static let name = "project"
    public static let version = 1

    public init() {}

    public func apply(_ event: DomainEvent, envelope: EventContext, to store: inout some ProjectionStore) throws {
        switch event {
        case .projectCreated(let e):
            try store.put(KeyBytes.make(ProjectLayout.project, e.projectId), ProjectRecord(e).encoded)
        case .milestoneReported(let e):
            try updateProject(e.projectId, in: &store) { project in
                guard let index = project.milestones.firstIndex(where: { $0.milestoneId == e.milestoneId }),
                    project.milestones[index].reachedOn == nil
                else { return }
                project.milestones[index].reachedOn = envelope.occurredOn
            }
        case .projectClosed(let e):
            try updateProject(e.projectId, in: &store) { project in
                if project.closedOn == nil { project.closedOn = envelope.occurredOn }
            }
        case .platformCreated(let e):
            try store.updateCounters(at: KeyBytes.make(ProjectLayout.platform, e.platformId), slots: PlatformSlot.count)
            { _ in }
        case .contributionRecorded(let e):
            try store.updateCounters(at: KeyBytes.make(ProjectLayout.platform, e.platformId), slots: PlatformSlot.count)
            { c in
                let platform = "platform \(e.platformId)"
                try c.add(
                    e.valueFen, to: PlatformSlot.contributionsFen, figure: "contributionsFen of \(platform)",
                    field: "data.valueFen")
                // Never more than the total above (amounts are not negative), so this cannot overflow once that did not.
                try c.add(
                    e.valueFen, to: PlatformSlot.slot(for: e.kind),
                    figure: "\(e.kind.rawValue) contributions of \(platform)", field: "data.valueFen")
            }
        case .platformAccepted(let e):
            try store.updateCounters(at: KeyBytes.make(ProjectLayout.platform, e.platformId), slots: PlatformSlot.count)
            { c in
                c[PlatformSlot.accepted] = 1
            }
        case .consortiumChartered, .memberAdmitted, .memberWithdrawn, .enterpriseCertified,
            .councilResolutionPassed, .kpiTargetSet, .agreementSigned, .agreementAmended,
            .agreementTerminated, .demandListPublished, .orderClassOpened, .apprenticeEnrolled,
            .mentorAssigned, .internshipPlaced, .apprenticeAssessed, .certificateAwarded,
            .apprenticeWithdrawn, .apprenticeGraduated, .graduateHired, .employmentVerified,
            .platformRejected, .budgetAllocated, .subsidyApplied, .subsidyApproved, .subsidyPaid,
            .subsidyClawedBack, .trainingDelivered, .techServiceDelivered, .memberKeyRegistered,
            .memberKeyRevoked:
            return
        }
    }

    private func updateProject(
        _ id: String, in store: inout some ProjectionStore, _ change: (inout ProjectRecord) -> Void
    ) throws {
        let key = KeyBytes.make(ProjectLayout.project, id)
        guard let bytes = try store.get(key) else { return }
        var project = try ProjectRecord(bytes)
        let before = project
        change(&project)
        if project != before { try store.put(key, project.encoded) }
    }
}
