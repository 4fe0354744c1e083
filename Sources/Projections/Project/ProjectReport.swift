import Domain

/// One project's figures, judged on a day.
///
/// `spentFen` is the value of in-kind contributions (equipment, staff, site) to the
/// project's platform: resources already committed to it. The catalogue has no expense
/// event, and cash contributions are funds received, not yet evidenced as spent.
public struct ProjectReport: Sendable, Equatable {
    public struct Milestones: Sendable, Equatable {
        public var planned: Int
        public var reached: Int
        /// Due before the judging day and not reached.
        public var overdue: Int

        public init(planned: Int, reached: Int, overdue: Int) {
            self.planned = planned
            self.reached = reached
            self.overdue = overdue
        }
    }

    public var projectId: String
    public var title: String
    public var platformId: String?
    public var judgedOn: LocalDate
    public var milestones: Milestones
    public var budgetFen: Int64
    /// Every contribution to the project's platform (0 without a platform).
    public var contributionsFen: Int64
    public var spentFen: Int64
    /// The project's platform has been accepted.
    public var accepted: Bool
    public var closed: Bool
}

extension ProjectReport: TierReport {
    public var fields: [ReportField] {
        [
            ReportField("projectId", .text(projectId)),
            ReportField("title", .text(title)),
            ReportField("platformId", .text(platformId)),
            ReportField("milestones.planned", .count(Int64(milestones.planned))),
            ReportField("milestones.reached", .count(Int64(milestones.reached))),
            ReportField("milestones.overdue", .count(Int64(milestones.overdue))),
            ReportField("budgetFen", .money(fen: budgetFen)),
            ReportField("contributionsFen", .money(fen: contributionsFen)),
            ReportField("spentFen", .money(fen: spentFen)),
            ReportField("accepted", .flag(accepted)),
            ReportField("closed", .flag(closed)),
        ]
    }

    public var json: JSONValue {
        [
            "projectId": .string(projectId),
            "title": .string(title),
            "platformId": platformId.map { .string($0) } ?? .null,
            "milestones": [
                "planned": .int(Int64(milestones.planned)), "reached": .int(Int64(milestones.reached)),
                "overdue": .int(Int64(milestones.overdue)),
            ],
            "budgetFen": .int(budgetFen),
            "contributionsFen": .int(contributionsFen),
            "spentFen": .int(spentFen),
            "accepted": .bool(accepted),
            "closed": .bool(closed),
        ]
    }

    public static var columnNames: [String] {
        ProjectReport(
            projectId: "", title: "", platformId: nil, judgedOn: LocalDate(daysSince1970: 0),
            milestones: Milestones(planned: 0, reached: 0, overdue: 0), budgetFen: 0, contributionsFen: 0,
            spentFen: 0, accepted: false, closed: false
        ).fields.map(\.name)
    }
}
