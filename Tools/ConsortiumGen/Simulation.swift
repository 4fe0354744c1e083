// The consortium simulation: a day-bucketed event queue. Each task runs on its day, checks the
// state it depends on and emits events, so every emitted event is valid given only the events
// before it (any prefix of the output is a valid history).

final class Simulation {
    let w: Writer
    var r: Xoshiro
    let plan: Params
    let s: Double
    let base: Int  // Jan 1 of the start year
    var today = 0
    var buckets: [[Job]] = []

    // members
    var mKind: [UInt8] = []
    var mActive: [Bool] = []
    var mDormant: [Bool] = []
    var mIndustry: [UInt8] = []
    var mSchoolLevel: [UInt8] = []
    var mCert: [UInt8] = []  // 0 none, 1 city, 2 province, 3 national
    var mHasKey: [Bool] = []
    var mid: [[UInt8]] = []
    var mNum: [Int32] = []
    var kindCount = [Int](repeating: 0, count: 6)
    var lead: Int32 = 0
    var secretariat: [Int32] = []
    var schools: [Int32] = []
    var ents: [Int32] = []
    var research: [Int32] = []
    var dormantAdmitted: [Int32] = []

    // agreements, classes
    var agreements: [Agreement] = []
    var liveClassAgs: [Int32] = []
    var classes: [OrderClass] = []

    // persons and claims (slot pools; finished ones are retired)
    var persons: [Person] = []
    var awaiting: [Int32] = []  // 4 per person slot
    var freePersons: [Int32] = []
    var nextPerson = 1
    var live = 0
    var liveByGradYear: [Int: Int] = [:]
    var claims: [Claim] = []
    var freeClaims: [Int32] = []
    var nextClaim = 1
    /// Per live person (by number): who claimed them for which yearly period (see `ClaimSlot`).
    /// Dropped when the person's slot is retired, so memory follows the live population.
    var claimSlotsByPerson: [Int32: [ClaimSlot]] = [:]
    // Planted suspicious claims (SuspiciousClaims.swift).
    var plantedClaims: [PlantedClaim] = []
    var plantedPersons = Set<Int32>()
    var pendingPayments: [PendingPayment] = []

    var budgets: [Budget] = []
    var budgetIndex: [BudgetKey: Int32] = [:]
    var platforms: [Platform] = []
    var recentPlatforms: [Int32] = []
    var projects: [Project] = []
    var nextList = 1
    var nextResolution = 1

    // vocabulary as bytes
    let bIndustries: [[UInt8]]
    let bMajors: [[[UInt8]]]
    let bOccupations: [[[UInt8]]]
    let bTopics: [[UInt8]]
    let bCertificates: [[UInt8]]
    let bResolutions: [[UInt8]]
    let bProjects: [[UInt8]]
    let bMilestones: [[UInt8]]

    // scale-derived rates (per year, at growth 1)
    let intakeTarget: Double
    let classAgreementTarget: Double
    let cities: Int

    init(params: Params, writer: Writer) {
        plan = params
        w = writer
        s = params.scale
        r = Xoshiro(seed: params.seed ^ 0x5EED_C0DE_1234_5678)
        base = CivilDate.dayNumber(params.startYear, 1, 1)
        bIndustries = Vocabulary.industries.map { Array($0.utf8) }
        bMajors = Vocabulary.majorsByIndustry.map { $0.map { Array($0.utf8) } }
        bOccupations = Vocabulary.occupationsByIndustry.map { $0.map { Array($0.utf8) } }
        bTopics = Vocabulary.trainingTopics.map { Array($0.utf8) }
        bCertificates = Vocabulary.certificates.map { Array($0.utf8) }
        bResolutions = Vocabulary.resolutionTitles.map { Array($0.utf8) }
        bProjects = Vocabulary.projectTitles.map { Array($0.utf8) }
        bMilestones = Vocabulary.milestoneTitles.map { Array($0.utf8) }
        intakeTarget = 5500 * params.scale
        // ~1.42 classes per agreement per intake, ~37 enrolled per class
        classAgreementTarget = max(1, intakeTarget / (1.42 * 37))
        cities = max(1, Int(params.scale.rounded(.up)))
    }

    // MARK: scheduling

    @inline(__always) func sched(_ day: Int, _ kind: UInt8, _ a: Int32 = 0, _ b: Int32 = 0) {
        let d = max(day, today) - base
        while d >= buckets.count { buckets.append([]) }
        buckets[d].append(Job(kind: kind, subject: a, detail: b))
    }

    @inline(__always) func schedP(_ day: Int, _ kind: UInt8, _ p: Int32, _ b: Int32 = 0) {
        persons[Int(p)].pending += 1
        sched(day, kind, p, b)
    }

    @inline(__always) func schedC(_ day: Int, _ kind: UInt8, _ c: Int32, _ b: Int32 = 0) {
        persons[Int(claims[Int(c)].person)].pending += 1
        sched(day, kind, c, b)
    }

    @inline(__always) func rday(_ lo: Int, _ hi: Int) -> Int { r.range(lo, hi) }
    @inline(__always) func date(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilDate.dayNumber(y, m, d) }
    @inline(__always) func pick(_ list: [Int32]) -> Int32? { list.isEmpty ? nil : list[r.below(list.count)] }
    func growth(_ y: Int) -> Double {
        var g = 1.0
        var i = plan.startYear
        while i < y {
            g *= 1.03
            i += 1
        }
        return g
    }

    func run() {
        sched(base, JobKind.year)
        var d = 0
        while !w.isFull {
            if d >= buckets.count { break }  // nothing left (never happens: the year chain continues)
            today = base + d
            w.setDay(today)
            var i = 0
            while i < buckets[d].count {
                let t = buckets[d][i]
                i += 1
                dispatch(t)
                if w.isFull { return }
            }
            buckets[d] = []
            d += 1
        }
    }

    func dispatch(_ t: Job) {
        switch t.kind {
        case JobKind.daily: daily()
        case JobKind.year: planYear()
        case JobKind.charter: charter()
        case JobKind.admit: admit(t.subject, actor: secActor())
        case JobKind.key: registerKey(t.subject)
        case JobKind.certify: certify(t.subject)
        case JobKind.kpi: kpi(Int(t.subject), t.detail)
        case JobKind.budget: allocateBudget(Int(t.subject))
        case JobKind.resolution: resolution()
        case JobKind.sign: sign(UInt8(t.detail))
        case JobKind.amendEnds: amendEnds(Int(t.subject))
        case JobKind.amendPlaces: amendPlaces(Int(t.subject))
        case JobKind.terminate: terminate(Int(t.subject))
        case JobKind.open: openClasses(Int(t.subject))
        case JobKind.enrol: enrol(Int(t.subject))
        case JobKind.contrib: contribute(Int(t.subject), Int(t.detail))
        case JobKind.decide: decide(Int(t.subject), t.detail)
        case JobKind.milestone: reportMilestone(Int(t.subject), Int(t.detail))
        case JobKind.closeProject: closeProject(Int(t.subject))
        case JobKind.withdrawMember: withdrawMember(t.subject)
        case JobKind.payPlanted: payPlanted(Int(t.subject))
        case JobKind.approve, JobKind.pay, JobKind.payRest, JobKind.clawback:
            let c = Int(t.subject)
            let p = Int(claims[c].person)
            switch t.kind {
            case JobKind.approve: approve(c)
            case JobKind.pay: pay(c)
            case JobKind.payRest: payRest(c)
            default: clawback(c, Int(t.detail))
            }
            unref(p)
        default:
            let p = Int(t.subject)
            switch t.kind {
            case JobKind.mentorS: mentor(p, school: true)
            case JobKind.mentorE: mentor(p, school: false)
            case JobKind.pyear: personYear(p, Int(t.detail))
            case JobKind.place: place(p)
            case JobKind.assess: assess(p, retake: t.detail != 0)
            case JobKind.cert: certificate(p)
            case JobKind.grad: graduate(p)
            case JobKind.hire: hire(p)
            case JobKind.verify: verify(p, months: Int(t.detail))
            case JobKind.withdraw: withdrawPerson(p, reason: Int(t.detail))
            case JobKind.applyApprenticeship...JobKind.applySocialInsurance:
                apply(p, programme: JobKind.programme(ofApply: t.kind), period: Int(t.detail))
            case JobKind.plant: plant(p, SuspicionKind(rawValue: Int(t.detail)) ?? .noEnrolment)
            default: break
            }
            unref(p)
        }
    }

}
