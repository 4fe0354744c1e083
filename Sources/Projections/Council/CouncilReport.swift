import Domain

/// The council's figures for one year, judged on one day.
///
/// Flows (enrolments, hires, training, money …) count events that occurred in the year.
/// Stocks (members, certified enterprises, platforms) are judged on the *cut day*: the
/// last day of the year, or the judging day when that is earlier.
public struct CouncilReport: Sendable, Equatable {
    public struct Members: Sendable, Equatable {
        /// Admitted by the cut day, withdrawn or not.
        public var total: Int
        /// Admitted by the cut day and not withdrawn by then.
        public var active: Int
        /// Active members per kind; every kind is present, zeros included.
        public var byKind: [MemberKind: Int]

        public init(total: Int, active: Int, byKind: [MemberKind: Int]) {
            self.total = total
            self.active = active
            self.byKind = byKind
        }
    }

    public struct Platforms: Sendable, Equatable {
        /// Created by the cut day.
        public var total: Int
        public var byKind: [PlatformKind: Int]
        /// Accepted by the cut day.
        public var accepted: Int

        public init(total: Int, byKind: [PlatformKind: Int], accepted: Int) {
            self.total = total
            self.byKind = byKind
            self.accepted = accepted
        }
    }

    /// One programme's money in the year, gross.
    public struct Subsidy: Sendable, Equatable {
        public var budgetFen: Int64
        public var appliedFen: Int64
        public var approvedFen: Int64
        public var paidFen: Int64
        public var clawedBackFen: Int64

        public init(budgetFen: Int64, appliedFen: Int64, approvedFen: Int64, paidFen: Int64, clawedBackFen: Int64) {
            self.budgetFen = budgetFen
            self.appliedFen = appliedFen
            self.approvedFen = approvedFen
            self.paidFen = paidFen
            self.clawedBackFen = clawedBackFen
        }
    }

    public struct KPI: Sendable, Equatable {
        public var metric: KPIMetric
        /// The member a target was set for, if any: `actual` is then that member's own figure
        /// (see `CouncilQuery.memberActual`), else the consortium's.
        public var memberId: String?
        public var target: Int64
        public var actual: Int64

        public init(metric: KPIMetric, memberId: String?, target: Int64, actual: Int64) {
            self.metric = metric
            self.memberId = memberId
            self.target = target
            self.actual = actual
        }
    }

    public var year: Int
    public var judgedOn: LocalDate
    public var members: Members
    /// Enterprises with an agreement in force on some day of the year (up to the cut day).
    public var enterprisesParticipating: Int
    /// Enterprise members on the roll on the cut day, certified by then.
    public var certifiedEnterprises: Int
    public var apprenticesEnrolled: Int64
    public var apprenticesGraduated: Int64
    /// People hired for the first time in the year.
    public var graduatesHired: Int64
    /// People whose first local hire (`local: true`) was in the year.
    public var graduatesRetainedLocally: Int64
    public var trainingPersonTimes: Int64
    public var techServices: Int64
    public var techServiceValueFen: Int64
    /// Capacity of the classes opened in the year.
    public var orderClassPlaces: Int64
    /// Enrolments into the classes opened in the year (whenever they happened).
    public var orderClassFilled: Int64
    public var platforms: Platforms
    /// Every programme, zeros included.
    public var subsidies: [SubsidyProgramme: Subsidy]
    public var kpis: [KPI]
    /// Members on the roll on the cut day with no event as actor in the year, by id.
    public var inactiveMembers: [String]

    /// The scalar council figure a KPI of `metric` is compared with.
    public func actual(_ metric: KPIMetric) -> Int64 {
        switch metric {
        case .members: return Int64(members.active)
        case .enterprisesParticipating: return Int64(enterprisesParticipating)
        case .certifiedEnterprises: return Int64(certifiedEnterprises)
        case .apprenticesEnrolled: return apprenticesEnrolled
        case .apprenticesGraduated: return apprenticesGraduated
        case .graduatesHired: return graduatesHired
        case .graduatesRetainedLocally: return graduatesRetainedLocally
        case .trainingPersonTimes: return trainingPersonTimes
        case .techServices: return techServices
        case .techServiceValueFen: return techServiceValueFen
        case .orderClassPlaces: return orderClassPlaces
        case .orderClassFilled: return orderClassFilled
        case .platforms: return Int64(platforms.total)
        case .inactiveMembers: return Int64(inactiveMembers.count)
        }
    }
}
