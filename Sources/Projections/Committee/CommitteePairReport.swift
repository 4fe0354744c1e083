import Domain

/// One school–enterprise pair's figures, judged on a day.
///
/// `apprenticesByStage` counts each of the pair's apprentices once in every stage it has
/// reached (cumulative, a funnel): a hired graduate is also enrolled, assessed and
/// graduated. Shares are `nil` (JSON `null`) when there is nothing to divide by.
public struct CommitteePairReport: Sendable, Equatable {
    public struct Classes: Sendable, Equatable {
        public var capacity: Int64
        /// Enrolments into the pair's classes (withdrawals show under the stages).
        public var enrolled: Int64

        public init(capacity: Int64, enrolled: Int64) {
            self.capacity = capacity
            self.enrolled = enrolled
        }
    }

    public struct Stages: Sendable, Equatable {
        public var enrolled: Int64
        public var placed: Int64
        public var assessed: Int64
        public var certified: Int64
        public var graduated: Int64
        public var hired: Int64
        public var withdrawn: Int64

        public init(
            enrolled: Int64, placed: Int64, assessed: Int64, certified: Int64, graduated: Int64, hired: Int64,
            withdrawn: Int64
        ) {
            self.enrolled = enrolled
            self.placed = placed
            self.assessed = assessed
            self.certified = certified
            self.graduated = graduated
            self.hired = hired
            self.withdrawn = withdrawn
        }
    }

    public var schoolId: String
    public var enterpriseId: String
    public var judgedOn: LocalDate
    /// Agreements in force on the judging day.
    public var agreementsActive: Int
    /// Of those, the ones whose term ends within 90 days of the judging day.
    public var agreementsExpiringWithin90Days: Int
    public var classes: Classes
    public var apprenticesByStage: Stages
    /// Share of the pair's apprentices that have had both a school and an enterprise mentor.
    public var dualMentorCoverage: Double?
    /// Apprentices whose latest assessment passed ÷ apprentices assessed (考核通过率 counts
    /// people: a retake that passes makes the apprentice a pass, not a fail and a pass).
    public var passRate: Double?
    /// Assessment sittings of the pair's apprentices, retakes included.
    public var assessments: Int64
    /// Of those sittings, the passed ones.
    public var assessmentsPassed: Int64
    /// The pair's apprentices hired, by any enterprise.
    public var hires: Int64
    /// Of those, hired to stay in the city.
    public var hiresLocal: Int64
    /// Gross payments on claims made for the pair's apprentices.
    public var subsidiesPaidFen: Int64
}

extension CommitteePairReport: TierReport {
    public var fields: [ReportField] {
        [
            ReportField("schoolId", .text(schoolId)),
            ReportField("enterpriseId", .text(enterpriseId)),
            ReportField("agreementsActive", .count(Int64(agreementsActive))),
            ReportField("agreementsExpiringWithin90Days", .count(Int64(agreementsExpiringWithin90Days))),
            ReportField("classes.capacity", .count(classes.capacity)),
            ReportField("classes.enrolled", .count(classes.enrolled)),
            ReportField("apprenticesByStage.enrolled", .count(apprenticesByStage.enrolled)),
            ReportField("apprenticesByStage.placed", .count(apprenticesByStage.placed)),
            ReportField("apprenticesByStage.assessed", .count(apprenticesByStage.assessed)),
            ReportField("apprenticesByStage.certified", .count(apprenticesByStage.certified)),
            ReportField("apprenticesByStage.graduated", .count(apprenticesByStage.graduated)),
            ReportField("apprenticesByStage.hired", .count(apprenticesByStage.hired)),
            ReportField("apprenticesByStage.withdrawn", .count(apprenticesByStage.withdrawn)),
            ReportField("dualMentorCoverage", .ratio(dualMentorCoverage)),
            ReportField("passRate", .ratio(passRate)),
            ReportField("assessments", .count(assessments)),
            ReportField("assessmentsPassed", .count(assessmentsPassed)),
            ReportField("hires", .count(hires)),
            ReportField("hiresLocal", .count(hiresLocal)),
            ReportField("subsidiesPaidFen", .money(fen: subsidiesPaidFen)),
        ]
    }

    public var json: JSONValue {
        [
            "schoolId": .string(schoolId),
            "enterpriseId": .string(enterpriseId),
            "agreementsActive": .int(Int64(agreementsActive)),
            "agreementsExpiringWithin90Days": .int(Int64(agreementsExpiringWithin90Days)),
            "classes": ["capacity": .int(classes.capacity), "enrolled": .int(classes.enrolled)],
            "apprenticesByStage": [
                "enrolled": .int(apprenticesByStage.enrolled), "placed": .int(apprenticesByStage.placed),
                "assessed": .int(apprenticesByStage.assessed), "certified": .int(apprenticesByStage.certified),
                "graduated": .int(apprenticesByStage.graduated), "hired": .int(apprenticesByStage.hired),
                "withdrawn": .int(apprenticesByStage.withdrawn),
            ],
            "dualMentorCoverage": ReportValue.ratio(dualMentorCoverage).json,
            "passRate": ReportValue.ratio(passRate).json,
            "assessments": .int(assessments),
            "assessmentsPassed": .int(assessmentsPassed),
            "hires": .int(hires),
            "hiresLocal": .int(hiresLocal),
            "subsidiesPaidFen": .int(subsidiesPaidFen),
        ]
    }

    public static var columnNames: [String] {
        CommitteePairReport(
            schoolId: "", enterpriseId: "", judgedOn: LocalDate(daysSince1970: 0), agreementsActive: 0,
            agreementsExpiringWithin90Days: 0, classes: Classes(capacity: 0, enrolled: 0),
            apprenticesByStage: Stages(
                enrolled: 0, placed: 0, assessed: 0, certified: 0, graduated: 0, hired: 0, withdrawn: 0),
            dualMentorCoverage: nil, passRate: nil, assessments: 0, assessmentsPassed: 0, hires: 0, hiresLocal: 0,
            subsidiesPaidFen: 0
        ).fields.map(\.name)
    }
}
