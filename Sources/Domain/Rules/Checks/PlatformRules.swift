// Co-built platforms and their projects.

extension RuleEngine {
    /// Every listed member must be active and listed once; a non-secretariat creator must be
    /// one of them.
    func create(_ e: PlatformCreated, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(e.memberIds.contains(actor.id), "it is not among the platform's memberIds")
        try s.requireNew(PlatformEntity.self, e.platformId, "platform", field: "data.platformId")
        var seen: Set<String> = []
        for memberId in e.memberIds {
            guard seen.insert(memberId).inserted else {
                throw RuleViolation(.duplicateId, field: "data.memberIds", "member \(memberId) is listed twice")
            }
            _ = try s.activeMember(memberId, field: "data.memberIds", actor: actor)
        }
        return .one(PlatformEntity(memberIds: e.memberIds, decision: .pending), e.platformId)
    }

    /// A member records its own contributions. The contributor need not be listed on the
    /// platform (a government body may fund a lab it does not run).
    func contribute(_ e: ContributionRecorded, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites
    {
        try actor.mustBeConcerned(actor.id == e.memberId, "a member records only its own contributions")
        _ = try s.require(PlatformEntity.self, e.platformId, "platform", field: "data.platformId")
        _ = try s.activeMember(e.memberId, field: "data.memberId", actor: actor)
        return .none
    }

    /// Acceptance is final. A rejection may be followed by an acceptance after rework, but
    /// not by a second rejection.
    func decidePlatform(
        _ platformId: String, accept: Bool, _ actor: RuleActor, _ s: RuleReader
    ) throws(RuleViolation) -> RuleWrites {
        var platform = try s.require(PlatformEntity.self, platformId, "platform", field: "data.platformId")
        switch (platform.decision, accept) {
        case (.accepted, _):
            throw RuleViolation(
                .alreadyRecorded, field: "data.platformId", "platform \(platformId) is already accepted")
        case (.rejected, false):
            throw RuleViolation(
                .alreadyRecorded, field: "data.platformId", "platform \(platformId) is already rejected")
        default:
            break
        }
        platform.decision = accept ? .accepted : .rejected
        return .one(platform, platformId)
    }

    /// The lead must be an active member; a non-secretariat creator must lead the project or
    /// belong to its platform. Milestone ids are unique within the project.
    func create(_ e: ProjectCreated, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try s.requireNew(ProjectEntity.self, e.projectId, "project", field: "data.projectId")
        var platformMembers: [String] = []
        if let platformId = e.platformId {
            platformMembers = try s.require(PlatformEntity.self, platformId, "platform", field: "data.platformId")
                .memberIds
        }
        try actor.mustBeConcerned(
            actor.id == e.leadMemberId || platformMembers.contains(actor.id),
            "it neither leads the project nor belongs to its platform")
        _ = try s.activeMember(e.leadMemberId, field: "data.leadMemberId", actor: actor)
        try Self.requireOrdered(e.startsOn, e.endsOn, field: "data.endsOn", what: "project \(e.projectId)")
        var seen: Set<String> = []
        for milestone in e.milestones where !seen.insert(milestone.milestoneId).inserted {
            throw RuleViolation(
                .duplicateId, field: "data.milestones", "milestone \(milestone.milestoneId) is listed twice")
        }
        let ids = e.milestones.map(\.milestoneId)
        let project = ProjectEntity(
            leadMemberId: e.leadMemberId, platformId: e.platformId, milestoneIds: ids,
            reported: Array(repeating: false, count: ids.count), closed: false)
        return .one(project, e.projectId)
    }

    /// Each milestone is reported once, and not after the project closed.
    func report(_ e: MilestoneReported, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var project = try s.require(ProjectEntity.self, e.projectId, "project", field: "data.projectId")
        if !actor.isSecretariat && actor.id != project.leadMemberId {
            var members: [String] = []
            if let platformId = project.platformId {
                members = try s.load(PlatformEntity.self, platformId)?.memberIds ?? []
            }
            try actor.mustBeConcerned(
                members.contains(actor.id), "it neither leads project \(e.projectId) nor belongs to its platform")
        }
        if project.closed {
            throw RuleViolation(
                .alreadyRecorded, field: "data.projectId", "project \(e.projectId) is closed; no more milestones")
        }
        guard let index = project.milestoneIds.firstIndex(of: e.milestoneId) else {
            throw RuleViolation(
                .unknownReference, field: "data.milestoneId", "project \(e.projectId) has no milestone \(e.milestoneId)"
            )
        }
        if project.reported[index] {
            throw RuleViolation(
                .alreadyRecorded, field: "data.milestoneId",
                "milestone \(e.milestoneId) of project \(e.projectId) was already reported")
        }
        project.reported[index] = true
        return .one(project, e.projectId)
    }

    func close(_ e: ProjectClosed, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var project = try s.require(ProjectEntity.self, e.projectId, "project", field: "data.projectId")
        if project.closed {
            throw RuleViolation(.alreadyRecorded, field: "data.projectId", "project \(e.projectId) is already closed")
        }
        project.closed = true
        return .one(project, e.projectId)
    }
}
