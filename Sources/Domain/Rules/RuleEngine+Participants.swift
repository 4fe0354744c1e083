extension RuleEngine {
    /// The members a project concerns: its lead and, when it belongs to a platform, every member
    /// of that platform; `nil` if no such project was created. The service shows a member token
    /// the projects it is a member of (see docs/SERVICE.md).
    public func projectParticipants(_ projectId: String, in state: some RuleStateStore) throws(RuleViolation)
        -> Set<String>?
    {
        let reader = RuleReader(state)
        guard let project = try reader.load(ProjectEntity.self, projectId) else { return nil }
        var members: Set<String> = [project.leadMemberId]
        if let platformId = project.platformId, let platform = try reader.load(PlatformEntity.self, platformId) {
            members.formUnion(platform.memberIds)
        }
        return members
    }
}
