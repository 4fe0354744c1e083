import Domain

/// Answers `ledger query project [--id P]`: one get per project plus one for its platform.
public enum ProjectQuery {
    /// The project `id`, or every project in id order when `id` is `nil`; empty when unknown.
    public static func run(id: String? = nil, judgedOn: LocalDate, store: some ProjectionStore) throws
        -> [ProjectReport]
    {
        if let id {
            guard let bytes = try store.get(KeyBytes.make(ProjectLayout.project, id)) else { return [] }
            return [try report(id: id, record: ProjectRecord(bytes), judgedOn: judgedOn, store: store)]
        }
        var reports: [ProjectReport] = []
        try store.forEach(prefix: [ProjectLayout.project]) { key, value in
            let id = KeyBytes.id(after: 1, in: key)
            reports.append(try report(id: id, record: ProjectRecord(value), judgedOn: judgedOn, store: store))
        }
        return reports
    }

    static func report(id: String, record: ProjectRecord, judgedOn: LocalDate, store: some ProjectionStore) throws
        -> ProjectReport
    {
        var platform = CounterValues(bytes: nil)
        if let platformId = record.platformId {
            platform = try store.counters(at: KeyBytes.make(ProjectLayout.platform, platformId))
        }
        let reached = record.milestones.filter { $0.reachedOn != nil }.count
        let overdue = record.milestones.filter { $0.reachedOn == nil && $0.dueOn < judgedOn }.count
        let inKind =
            platform[PlatformSlot.equipmentFen] + platform[PlatformSlot.staffFen] + platform[PlatformSlot.siteFen]
        return ProjectReport(
            projectId: id, title: record.title, platformId: record.platformId, judgedOn: judgedOn,
            milestones: .init(planned: record.milestones.count, reached: reached, overdue: overdue),
            budgetFen: record.budgetFen, contributionsFen: platform[PlatformSlot.contributionsFen],
            spentFen: inKind, accepted: platform[PlatformSlot.accepted] != 0, closed: record.closedOn != nil)
    }
}
