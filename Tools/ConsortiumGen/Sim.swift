// The consortium simulation: a day-bucketed event queue. Each task runs on its day, checks the
// state it depends on and emits events, so every emitted event is valid given only the events
// before it (any prefix of the output is a valid history).

struct Job {
    var kind: UInt8
    var a: Int32
    var b: Int32
}

enum T {
    static let daily: UInt8 = 1, year: UInt8 = 2, charter: UInt8 = 3, admit: UInt8 = 4, key: UInt8 = 5
    static let certify: UInt8 = 6, kpi: UInt8 = 7, budget: UInt8 = 8, resolution: UInt8 = 9
    static let sign: UInt8 = 10, amendEnds: UInt8 = 11, amendPlaces: UInt8 = 12, terminate: UInt8 = 13
    static let open: UInt8 = 14, enrol: UInt8 = 15, contrib: UInt8 = 16, decide: UInt8 = 17
    static let milestone: UInt8 = 18, closeProject: UInt8 = 19, withdrawMember: UInt8 = 20
    // person-bound (a = person slot)
    static let mentorS: UInt8 = 40, mentorE: UInt8 = 41, pyear: UInt8 = 42, place: UInt8 = 43
    static let assess: UInt8 = 44, cert: UInt8 = 45, grad: UInt8 = 46, hire: UInt8 = 47, verify: UInt8 = 48
    static let withdraw: UInt8 = 49, apply: UInt8 = 50
    // claim-bound (a = claim slot)
    static let approve: UInt8 = 60, pay: UInt8 = 61, payRest: UInt8 = 62, clawback: UInt8 = 63
}

// member kinds
let KGOV: UInt8 = 0, KPARK: UInt8 = 1, KASSOC: UInt8 = 2, KENT: UInt8 = 3, KSCHOOL: UInt8 = 4, KRES: UInt8 = 5
// agreement kinds
let AORDER: UInt8 = 0, AAPPR: UInt8 = 1, ACOBUILD: UInt8 = 2, AINTERN: UInt8 = 3, ATECH: UInt8 = 4
// subsidy programmes
let PAPPR = 0, PINTERN = 1, PEMPLOY = 2, PSKILLS = 3, PSOCIAL = 4
let programmeCount = 5

// person flags
let FW: UInt16 = 1, FP: UInt16 = 2, FG: UInt16 = 4, FF: UInt16 = 8, FH: UInt16 = 16, FC: UInt16 = 32

struct Person {
    var num: Int32 = 0
    var cls: Int32 = 0
    var pending: Int32 = 0
    var flags: UInt16 = 0
    var hiredBy: Int32 = -1
}

struct Claim {
    var num: Int32 = 0
    var person: Int32 = 0
    var budget: Int32 = 0
    var applicant: Int32 = 0
    var programme: Int32 = 0
    var applied: Int = 0
    var approved: Int = 0
    var paid: Int = 0
    var clawed: Int = 0
}

struct Agreement {
    var school: Int32
    var ent: Int32
    var kind: UInt8
    var startsOn: Int32
    var endsOn: Int32
    var terminated: Bool
    var places: Int32
}

struct OClass {
    var agreement: Int32
    var capacity: Int16
    var enrolled: Int16
    var intakeYear: Int16
    var len: Int16
}

struct Budget {
    var programme: Int32
    var year: Int32
    var amount: Int
    var approved: Int
}

struct Platform {
    var members: [Int32]
    var state: UInt8  // 0 pending, 1 accepted, 2 rejected
}

struct Project {
    var lead: Int32
    var closed: Bool
}

struct Params {
    var events: Int
    var seed: UInt64
    var startYear: Int
    var years: Int
    var scale: Double
}

final class Sim {
    let w: Writer
    var r: Xoshiro
    let P: Params
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
    var classes: [OClass] = []

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

    var budgets: [Budget] = []
    var budgetIndex: [Int: Int32] = [:]
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
        P = params
        w = writer
        s = params.scale
        r = Xoshiro(seed: params.seed ^ 0x5EED_C0DE_1234_5678)
        base = dayNumber(params.startYear, 1, 1)
        bIndustries = industries.map { Array($0.utf8) }
        bMajors = majorsByIndustry.map { $0.map { Array($0.utf8) } }
        bOccupations = occupationsByIndustry.map { $0.map { Array($0.utf8) } }
        bTopics = trainingTopics.map { Array($0.utf8) }
        bCertificates = certificates.map { Array($0.utf8) }
        bResolutions = resolutionTitles.map { Array($0.utf8) }
        bProjects = projectTitles.map { Array($0.utf8) }
        bMilestones = milestoneTitles.map { Array($0.utf8) }
        intakeTarget = 5500 * params.scale
        // ~1.42 classes per agreement per intake, ~37 enrolled per class
        classAgreementTarget = max(1, intakeTarget / (1.42 * 37))
        cities = max(1, Int(params.scale.rounded(.up)))
    }

    // MARK: scheduling

    @inline(__always) func sched(_ day: Int, _ kind: UInt8, _ a: Int32 = 0, _ b: Int32 = 0) {
        let d = max(day, today) - base
        while d >= buckets.count { buckets.append([]) }
        buckets[d].append(Job(kind: kind, a: a, b: b))
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
    @inline(__always) func date(_ y: Int, _ m: Int, _ d: Int) -> Int { dayNumber(y, m, d) }
    @inline(__always) func pick(_ list: [Int32]) -> Int32? { list.isEmpty ? nil : list[r.below(list.count)] }
    func growth(_ y: Int) -> Double {
        var g = 1.0
        var i = P.startYear
        while i < y {
            g *= 1.03
            i += 1
        }
        return g
    }

    func run() {
        sched(base, T.year)
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
        case T.daily: daily()
        case T.year: planYear()
        case T.charter: charter()
        case T.admit: admit(t.a, actor: secActor())
        case T.key: registerKey(t.a)
        case T.certify: certify(t.a)
        case T.kpi: kpi(Int(t.a), t.b)
        case T.budget: allocateBudget(Int(t.a))
        case T.resolution: resolution()
        case T.sign: sign(UInt8(t.b))
        case T.amendEnds: amendEnds(Int(t.a))
        case T.amendPlaces: amendPlaces(Int(t.a))
        case T.terminate: terminate(Int(t.a))
        case T.open: openClasses(Int(t.a))
        case T.enrol: enrol(Int(t.a))
        case T.contrib: contribute(Int(t.a), Int(t.b))
        case T.decide: decide(Int(t.a), t.b)
        case T.milestone: reportMilestone(Int(t.a), Int(t.b))
        case T.closeProject: closeProject(Int(t.a))
        case T.withdrawMember: withdrawMember(t.a)
        case T.approve, T.pay, T.payRest, T.clawback:
            let c = Int(t.a)
            let p = Int(claims[c].person)
            switch t.kind {
            case T.approve: approve(c)
            case T.pay: pay(c)
            case T.payRest: payRest(c)
            default: clawback(c, Int(t.b))
            }
            unref(p)
        default:
            let p = Int(t.a)
            switch t.kind {
            case T.mentorS: mentor(p, school: true)
            case T.mentorE: mentor(p, school: false)
            case T.pyear: personYear(p, Int(t.b))
            case T.place: place(p)
            case T.assess: assess(p, retake: t.b != 0)
            case T.cert: certificate(p)
            case T.grad: graduate(p)
            case T.hire: hire(p)
            case T.verify: verify(p, months: Int(t.b))
            case T.withdraw: withdrawPerson(p, reason: Int(t.b))
            case T.apply: apply(p, programme: Int(t.b) / 10000, period: Int(t.b) % 10000)
            default: break
            }
            unref(p)
        }
    }

    // MARK: members

    func secActor() -> [UInt8] {
        if secretariat.count <= 1 || r.chance(0.5) { return mid[Int(lead)] }
        return mid[Int(secretariat[r.below(secretariat.count)])]
    }

    func newMember(_ kind: UInt8, dormant: Bool = false) -> Int32 {
        let idx = Int32(mKind.count)
        kindCount[Int(kind)] += 1
        let n = kindCount[Int(kind)]
        let prefix: String
        let width: Int
        switch kind {
        case KGOV: (prefix, width) = ("gov-", 3)
        case KPARK: (prefix, width) = ("park-", 3)
        case KASSOC: (prefix, width) = ("assoc-", 3)
        case KENT: (prefix, width) = ("ent-", 5)
        case KSCHOOL: (prefix, width) = ("sch-", 4)
        default: (prefix, width) = ("res-", 3)
        }
        var num = String(n)
        while num.count < width { num = "0" + num }
        mid.append(Array((prefix + num).utf8))
        mKind.append(kind)
        mActive.append(false)
        mDormant.append(dormant)
        mIndustry.append(UInt8(r.below(industries.count)))
        let u = r.unit()
        mSchoolLevel.append(u < 0.4 ? 0 : (u < 0.85 ? 1 : 2))
        mCert.append(0)
        mHasKey.append(false)
        mNum.append(Int32(n))
        return idx
    }

    func memberName(_ m: Int) -> [UInt8] {
        let n = Int(mNum[m])
        let city = cityNames[(n - 1) % cityNames.count]
        let s: String
        switch mKind[m] {
        case KGOV:
            s = n == 1 ? "\(city) Municipal Government" : "\(city) Human Resources and Social Security Bureau \(n)"
        case KPARK: s = "\(city) High-tech Industrial Park Management Committee \(n)"
        case KASSOC: s = "\(city) Industry Association \(n)"
        case KSCHOOL:
            switch mSchoolLevel[m] {
            case 0: s = "\(city) No. \(n) Secondary Vocational School"
            case 1: s = "\(city) Vocational and Technical College \(n)"
            default: s = "\(city) University of Technology \(n)"
            }
        case KENT:
            let i = Int(mIndustry[m])
            s = "\(companyWords[(n * 7) % companyWords.count]) \(industryNouns[i]) Co., Ltd. \(n)"
        default:
            s = "\(city) Institute of \(researchFields[n % researchFields.count]) \(n)"
        }
        return Array(s.utf8)
    }

    func kindString(_ k: UInt8) {
        switch k {
        case KGOV: w.fS(.kind, "government")
        case KPARK: w.fS(.kind, "park")
        case KASSOC: w.fS(.kind, "association")
        case KENT: w.fS(.kind, "enterprise")
        case KSCHOOL: w.fS(.kind, "school")
        default: w.fS(.kind, "research")
        }
    }

    func admit(_ m32: Int32, actor: [UInt8]) {
        let m = Int(m32)
        if mActive[m] { return }
        w.begin("MemberAdmitted", actor: actor)
        w.fB(.memberId, mid[m])
        w.fB(.name, memberName(m))
        kindString(mKind[m])
        if mKind[m] == KSCHOOL {
            switch mSchoolLevel[m] {
            case 0: w.fS(.schoolLevel, "secondary")
            case 1: w.fS(.schoolLevel, "higher-vocational")
            default: w.fS(.schoolLevel, "undergraduate")
            }
        }
        if mKind[m] == KENT { w.fB(.industry, bIndustries[Int(mIndustry[m])]) }
        if mKind[m] == KENT || mKind[m] == KSCHOOL {
            let authority = mKind[m] == KENT ? "91" : "12"
            w.fB(.creditCode, CreditCodes.code(authority: authority, kindDigit: Int(mKind[m]), number: Int(mNum[m])))
        }
        w.end()
        mActive[m] = true
        let k = mKind[m]
        if k == KGOV || k == KPARK || k == KASSOC {
            if m32 != lead { secretariat.append(m32) }
            return
        }
        if mDormant[m] {
            dormantAdmitted.append(m32)
            return
        }
        switch k {
        case KSCHOOL: schools.append(m32)
        case KENT:
            ents.append(m32)
            if r.chance(0.12) { sched(today + rday(20, 150), T.certify, m32) }
        default: research.append(m32)
        }
        if r.chance(0.04) { sched(today + rday(5, 60), T.key, m32) }
    }

    func registerKey(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], !mHasKey[m] else { return }
        var raw = [UInt8]()
        raw.reserveCapacity(32)
        for _ in 0..<4 {
            let x = r.next()
            for j in 0..<8 { raw.append(UInt8(truncatingIfNeeded: x >> UInt64(8 * j))) }
        }
        w.begin("MemberKeyRegistered", actor: secActor())
        w.fB(.memberId, mid[m])
        w.fB(.publicKey, base64(raw))
        w.end()
        mHasKey[m] = true
    }

    func certify(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], mKind[m] == KENT, mCert[m] < 3 else { return }
        let u = r.unit()
        var level: UInt8 = mCert[m] == 0 ? (u < 0.65 ? 1 : (u < 0.93 ? 2 : 3)) : mCert[m] + 1
        if level > 3 { level = 3 }
        w.begin("EnterpriseCertified", actor: secActor())
        w.fB(.memberId, mid[m])
        switch level {
        case 1: w.fS(.level, "city")
        case 2: w.fS(.level, "province")
        default: w.fS(.level, "national")
        }
        w.end()
        mCert[m] = level
    }

    func withdrawMember(_ m32: Int32) {
        let m = Int(m32)
        guard mActive[m], mDormant[m] else { return }
        w.begin("MemberWithdrawn", actor: secActor())
        w.fB(.memberId, mid[m])
        switch r.below(3) {
        case 0: w.fS(.reason, "business relocated out of the region")
        case 1: w.fS(.reason, "ceased operations")
        default: w.fS(.reason, "voluntary withdrawal")
        }
        w.end()
        mActive[m] = false
    }

    // MARK: governance and the yearly plan

    func charter() {
        let leadId = mid[Int(lead)]
        w.begin("ConsortiumChartered", actor: leadId)
        w.fS(.consortiumId, "CN-001")
        if cities > 1 {
            w.fS(.name, "Consortium Ledger National Industry-Education Roll-up")
            w.fS(.region, "Multi-city (synthetic)")
        } else {
            w.fS(.name, "Riverside City Industry-Education Consortium")
            w.fS(.region, "Riverside City")
        }
        w.fB(.leadMemberId, leadId)
        w.end()
        // the lead admits itself, then the rest of the secretariat
        admit(lead, actor: leadId)
        for m in 0..<mKind.count where m != Int(lead) && mKind[m] <= KASSOC {
            admit(Int32(m), actor: leadId)
        }
        for m in secretariat { sched(today + rday(1, 10), T.key, m) }
        sched(today + rday(1, 10), T.key, lead)
        // everyone else over the next weeks
        for m in 0..<mKind.count where mKind[m] > KASSOC {
            let k = mKind[m]
            let d = k == KSCHOOL ? rday(1, 20) : (k == KENT ? rday(3, 45) : rday(3, 30))
            sched(today + d, T.admit, Int32(m))
        }
        sched(today + 1, T.daily)
    }

    func planYear() {
        let y = yearOf(today)
        let yi = y - P.startYear
        let g = growth(y)
        if yi == 0 {
            // initial membership, scaled by city count
            lead = newMember(KGOV)
            for _ in 0..<Int(s.rounded(.down)) { _ = newMember(KGOV) }
            for _ in 0..<max(1, Int(s.rounded())) { _ = newMember(KPARK) }
            for _ in 0..<max(1, Int((s / 2).rounded())) { _ = newMember(KASSOC) }
            let nSchools = max(7, Int((12 * s).rounded()))
            let nEnts = max(30, Int((220 * s).rounded()))
            let nRes = max(2, Int((5 * s).rounded()))
            for _ in 0..<nSchools { _ = newMember(KSCHOOL) }
            for i in 0..<nEnts { _ = newMember(KENT, dormant: i % 16 == 5) }
            for i in 0..<nRes { _ = newMember(KRES, dormant: nRes > 3 && i % 8 == 7) }
            sched(date(y, 1, 3), T.charter)
        } else {
            // membership growth
            let newEnts = r.count(Double(ents.count) * 0.04)
            for i in 0..<newEnts {
                let m = newMember(KENT, dormant: i % 16 == 5)
                sched(rday(date(y, 2, 1), date(y, 6, 30)), T.admit, m)
            }
            for _ in 0..<r.count(0.25 * s) {
                sched(rday(date(y, 2, 1), date(y, 6, 30)), T.admit, newMember(KSCHOOL))
            }
            for _ in 0..<r.count(0.3 * s) {
                sched(rday(date(y, 2, 1), date(y, 6, 30)), T.admit, newMember(KRES))
            }
            // certification: new ones and upgrades
            for e in ents {
                let c = mCert[Int(e)]
                if (c == 0 && r.chance(0.03)) || (c > 0 && c < 3 && r.chance(0.05)) {
                    sched(rday(date(y, 3, 1), date(y, 11, 30)), T.certify, e)
                }
            }
            for _ in 0..<r.count(0.03 * Double(ents.count)) {
                if let e = pick(ents) { sched(rday(date(y, 1, 10), date(y, 12, 20)), T.key, e) }
            }
        }
        let early = yi == 0 ? 10 : 5  // first year: after the secretariat is admitted
        // budgets per programme, KPI targets, council resolutions
        for prog in 0..<programmeCount { sched(rday(date(y, 1, early), date(y, 1, early + 15)), T.budget, Int32(prog)) }
        for metric in 0..<kpiMetrics.count where yi > 0 || kpiMetrics[metric].firstYear {
            sched(rday(date(y, 1, early + 3), date(y, 1, 28)), T.kpi, Int32(metric), -1)
        }
        for _ in 0..<max(2, Int((2 * s).rounded())) {
            sched(rday(date(y, 2, 1), date(y, 2, 28)), T.kpi, 0, -2)  // per-school enrolment targets
        }
        sched(rday(date(y, 1, early + 2), date(y, 1, 30)), T.resolution)
        for m in [3, 6, 9, 12] { sched(rday(date(y, m, 5), date(y, m, 25)), T.resolution) }
        for _ in 0..<(cities - 1) { sched(rday(date(y, 2, 1), date(y, 12, 20)), T.resolution) }

        // order-class and apprenticeship agreements: keep enough live for this year's intake
        let oct31 = date(y, 10, 31)
        let jan2 = date(y, 1, 2)
        let apr30 = date(y, 4, 30)
        var keep: [Int32] = []
        var projected = 0
        for a32 in liveClassAgs {
            let a = Int(a32)
            let ag = agreements[a]
            if ag.terminated || Int(ag.endsOn) < jan2 { continue }
            keep.append(a32)
            if Int(ag.endsOn) >= oct31 {
                projected += 1
                sched(rday(date(y, 5, 10), date(y, 8, 20)), T.open, a32)
                if r.chance(0.06) { sched(rday(jan2, min(Int(ag.endsOn), date(y, 12, 20))), T.amendPlaces, a32) }
            } else if r.chance(0.4) {
                sched(rday(jan2, min(Int(ag.endsOn), apr30)), T.amendEnds, a32)
                projected += 1
                sched(rday(date(y, 5, 10), date(y, 8, 20)), T.open, a32)
            }
        }
        liveClassAgs = keep
        let target = Int((classAgreementTarget * g).rounded())
        let newCount = yi == 0 ? target : max(target - projected, Int((0.05 * Double(target)).rounded()))
        for _ in 0..<newCount {
            sched(rday(date(y, 2, 1), date(y, 5, 15)), T.sign, 0, Int32(r.chance(0.55) ? AORDER : AAPPR))
        }
        // other agreements: internship, co-build, tech service
        for _ in 0..<r.count(35 * s * g) {
            let u = r.unit()
            let k = u < 0.4 ? AINTERN : (u < 0.7 ? ACOBUILD : ATECH)
            sched(rday(date(y, 2, 1), date(y, 11, 30)), T.sign, 0, Int32(k))
        }
        // near the end: dormant members leave
        if yi == P.years - 1 {
            for m in dormantAdmitted where r.chance(0.35) {
                sched(rday(date(y, 11, 1), date(y, 12, 20)), T.withdrawMember, m)
            }
        }
        sched(date(y + 1, 1, 1), T.year)
    }

    struct Metric {
        let name: StaticString
        let perCity: Double
        let firstYear: Bool
    }

    let kpiMetrics: [Metric] = [
        Metric(name: "apprenticesEnrolled", perCity: 5000, firstYear: true),
        Metric(name: "apprenticesGraduated", perCity: 3300, firstYear: false),
        Metric(name: "graduatesHired", perCity: 2300, firstYear: false),
        Metric(name: "graduatesRetainedLocally", perCity: 1700, firstYear: false),
        Metric(name: "trainingPersonTimes", perCity: 460_000, firstYear: true),
        Metric(name: "techServices", perCity: 720, firstYear: true),
        Metric(name: "techServiceValueFen", perCity: 720 * 12_000_000, firstYear: true),
        Metric(name: "orderClassPlaces", perCity: 5600, firstYear: true),
        Metric(name: "orderClassFilled", perCity: 5000, firstYear: true),
        Metric(name: "enterprisesParticipating", perCity: 120, firstYear: true),
        Metric(name: "certifiedEnterprises", perCity: 40, firstYear: true),
        Metric(name: "platforms", perCity: 40, firstYear: true),
    ]

    func kpi(_ metric: Int, _ who: Int32) {
        let y = yearOf(today)
        if who == -2 {
            guard let sc = pick(schools) else { return }
            w.begin("KPITargetSet", actor: secActor())
            w.fInt(.year, y)
            w.fS(.metric, "apprenticesEnrolled")
            w.fInt(.target, 10 * r.range(20, 80))
            w.fB(.memberId, mid[Int(sc)])
            w.end()
            return
        }
        let m = kpiMetrics[metric]
        var target = m.perCity * s * growth(y) * (0.95 + 0.15 * r.unit())
        if y == P.startYear && metric == 0 { target *= 0.9 }
        let t = metric == 6 ? Int(target / 100_000) * 100_000 : max(1, Int(target.rounded()))
        w.begin("KPITargetSet", actor: secActor())
        w.fInt(.year, y)
        w.key(.metric)
        w.vS(m.name)
        w.endKey()
        w.fInt(.target, t)
        w.end()
    }

    func resolution() {
        let y = yearOf(today)
        w.begin("CouncilResolutionPassed", actor: secActor())
        w.key(.resolutionId)
        w.vId("RES-", nextResolution, 5)
        w.endKey()
        w.key(.title)
        let q = w.quoted
        if q { w.b(34) }
        w.bytes(bResolutions[r.below(bResolutions.count)])
        w.put(" ")
        w.int(y)
        if q { w.b(34) }
        w.endKey()
        w.end()
        nextResolution += 1
    }

    func programmeName(_ p: Int) {
        switch p {
        case PAPPR: w.vS("apprenticeship")
        case PINTERN: w.vS("internship")
        case PEMPLOY: w.vS("employment")
        case PSKILLS: w.vS("skillsAward")
        default: w.vS("socialInsurance")
        }
    }

    func budgetIdValue(_ b: Int) {
        let bd = budgets[b]
        let q = w.quoted
        if q { w.b(34) }
        w.put("B")
        w.int(Int(bd.year))
        w.b(45)
        switch Int(bd.programme) {
        case PAPPR: w.put("apprenticeship")
        case PINTERN: w.put("internship")
        case PEMPLOY: w.put("employment")
        case PSKILLS: w.put("skillsAward")
        default: w.put("socialInsurance")
        }
        if q { w.b(34) }
    }

    func allocateBudget(_ prog: Int) {
        let y = yearOf(today)
        if budgetIndex[y * 8 + prog] != nil { return }
        let g = growth(y)
        let intake = intakeTarget * g
        // sized from the live cohorts: ~90% expected utilisation; approvals are capped at the amount
        var continuing = 0.0
        for (gy, n) in liveByGradYear where gy > y { continuing += Double(n) }
        let finishing = Double(liveByGradYear[y] ?? 0)
        let need: Double
        switch prog {
        case PAPPR: need = (continuing + intake) * 0.68 * 625_000
        case PINTERN: need = finishing * 0.95 * 0.3 * 200_000
        case PEMPLOY: need = finishing * 0.7 * 0.2 * 350_000
        case PSKILLS: need = finishing * 0.92 * 0.08 * 125_000
        default: need = finishing * 0.7 * 0.1 * 250_000
        }
        let amount = (Int(need * 1.12) / 1_000_000 + 1) * 1_000_000
        let b = budgets.count
        budgets.append(Budget(programme: Int32(prog), year: Int32(y), amount: amount, approved: 0))
        budgetIndex[y * 8 + prog] = Int32(b)
        w.begin("BudgetAllocated", actor: secActor())
        w.key(.budgetId)
        budgetIdValue(b)
        w.endKey()
        w.key(.programme)
        programmeName(prog)
        w.endKey()
        w.fInt(.year, y)
        w.fInt(.amountFen, amount)
        switch prog {
        case PAPPR: w.fS(.source, r.chance(0.6) ? "city-finance" : "provincial-special-fund")
        case PINTERN: w.fS(.source, "city-finance")
        case PEMPLOY: w.fS(.source, "central-transfer")
        case PSKILLS: w.fS(.source, "association-fund")
        default: w.fS(.source, "park-committee")
        }
        w.end()
    }

    // MARK: agreements

    func agreementKind(_ k: UInt8) {
        switch k {
        case AORDER: w.fS(.kind, "orderClass")
        case AAPPR: w.fS(.kind, "apprenticeship")
        case ACOBUILD: w.fS(.kind, "coBuild")
        case AINTERN: w.fS(.kind, "internship")
        default: w.fS(.kind, "techService")
        }
    }

    @inline(__always) func agActive(_ a: Int, _ d: Int) -> Bool {
        let ag = agreements[a]
        return !ag.terminated && Int(ag.startsOn) <= d && d <= Int(ag.endsOn)
    }

    @inline(__always) func party(_ a: Int) -> [UInt8] {
        r.chance(0.5) ? mid[Int(agreements[a].school)] : mid[Int(agreements[a].ent)]
    }

    func sign(_ kind: UInt8) {
        guard let sc = pick(schools), let en = pick(ents) else { return }
        let starts = today + rday(0, 20)
        let u = r.unit()
        let yearsLong = u < 0.8 ? 3 : (u < 0.9 ? 2 : 5)
        let ends = addYears(starts, yearsLong) - 1
        let classKind = kind == AORDER || kind == AAPPR
        let places = classKind ? 10 * r.range(4, 16) : (kind == AINTERN ? 5 * r.range(2, 12) : 0)
        let a = agreements.count
        agreements.append(Agreement(school: sc, ent: en, kind: kind, startsOn: Int32(starts), endsOn: Int32(ends),
                                    terminated: false, places: Int32(places)))
        w.begin("AgreementSigned", actor: r.chance(0.02) ? secActor() : party(a))
        w.fId(.agreementId, "AG", a + 1, 6)
        w.fB(.schoolId, mid[Int(sc)])
        w.fB(.enterpriseId, mid[Int(en)])
        agreementKind(kind)
        w.fDate(.startsOn, starts)
        w.fDate(.endsOn, ends)
        if places > 0 { w.fInt(.places, places) }
        w.end()
        let y = yearOf(today)
        if classKind {
            liveClassAgs.append(Int32(a))
            let lo = max(starts + 1, date(y, 5, 10))
            let hi = date(y, 8, 20)
            if lo <= hi { sched(rday(lo, hi), T.open, Int32(a)) }
        } else if r.chance(0.15) {
            sched(rday(starts + 60, ends - 1), T.terminate, Int32(a))
        }
    }

    func amendEnds(_ a: Int) {
        guard agActive(a, today) else { return }
        let ends = addYears(Int(agreements[a].endsOn), r.range(1, 2))
        agreements[a].endsOn = Int32(ends)
        w.begin("AgreementAmended", actor: party(a))
        w.fId(.agreementId, "AG", a + 1, 6)
        w.fDate(.endsOn, ends)
        if r.chance(0.3) {
            let p = 10 * r.range(4, 16)
            agreements[a].places = Int32(p)
            w.fInt(.places, p)
        }
        w.end()
    }

    func amendPlaces(_ a: Int) {
        guard agActive(a, today) else { return }
        let p = max(20, Int(agreements[a].places) + 10 * r.range(-3, 5))
        agreements[a].places = Int32(p)
        w.begin("AgreementAmended", actor: party(a))
        w.fId(.agreementId, "AG", a + 1, 6)
        w.fInt(.places, p)
        w.end()
    }

    func terminate(_ a: Int) {
        guard agActive(a, today) else { return }
        agreements[a].terminated = true
        w.begin("AgreementTerminated", actor: party(a))
        w.fId(.agreementId, "AG", a + 1, 6)
        switch r.below(3) {
        case 0: w.fS(.reason, "enterprise restructuring")
        case 1: w.fS(.reason, "programme discontinued")
        default: w.fS(.reason, "ended by mutual agreement")
        }
        w.end()
    }

    // MARK: classes and apprentices

    func openClasses(_ a: Int) {
        let y = yearOf(today)
        guard agActive(a, today), Int(agreements[a].endsOn) >= date(y, 10, 31) else { return }
        let ag = agreements[a]
        let u = r.unit()
        let n = u < 0.65 ? 1 : (u < 0.93 ? 2 : 3)
        let majors = bMajors[Int(mIndustry[Int(ag.ent)])]
        for _ in 0..<n {
            let c = classes.count
            let cap = r.range(30, 50)
            let len = ag.kind == AORDER ? (r.chance(0.4) ? 1 : 2) : (r.chance(0.5) ? 2 : 3)
            classes.append(OClass(agreement: Int32(a), capacity: Int16(cap), enrolled: 0, intakeYear: Int16(y),
                                  len: Int16(len)))
            w.begin("OrderClassOpened", actor: party(a))
            w.fId(.classId, "OC", c + 1, 6)
            w.fId(.agreementId, "AG", a + 1, 6)
            w.fB(.major, majors[r.below(majors.count)])
            w.fInt(.capacity, cap)
            w.fInt(.intakeYear, y)
            w.end()
            let fill = Int((Double(cap) * (0.85 + 0.15 * r.unit())).rounded())
            let sep1 = date(y, 9, 1), sep25 = date(y, 9, 25), oct1 = date(y, 10, 1), nov15 = date(y, 11, 15)
            for _ in 0..<min(fill, cap) {
                sched(r.chance(0.9) ? rday(sep1, sep25) : rday(oct1, nov15), T.enrol, Int32(c))
            }
        }
    }

    @inline(__always) func gradYear(_ p: Int) -> Int {
        let c = classes[Int(persons[p].cls)]
        return Int(c.intakeYear) + Int(c.len)
    }

    @inline(__always) func pAgreement(_ p: Int) -> Int { Int(classes[Int(persons[p].cls)].agreement) }
    @inline(__always) func pSchool(_ p: Int) -> Int { Int(agreements[pAgreement(p)].school) }
    @inline(__always) func pEnt(_ p: Int) -> Int { Int(agreements[pAgreement(p)].ent) }

    @inline(__always) func fPerson(_ p: Int) {
        w.fId(.personId, "p", Int(persons[p].num), 7)
    }

    func allocPerson() -> Int {
        if let f = freePersons.popLast() { return Int(f) }
        persons.append(Person())
        awaiting.append(contentsOf: [-1, -1, -1, -1])
        return persons.count - 1
    }

    func unref(_ p: Int) {
        persons[p].pending -= 1
        if persons[p].pending == 0 {
            for i in 0..<4 where awaiting[4 * p + i] >= 0 {
                releaseClaim(Int(awaiting[4 * p + i]))
                awaiting[4 * p + i] = -1
            }
            freePersons.append(Int32(p))
        }
    }

    func enrol(_ c: Int) {
        let a = Int(classes[c].agreement)
        guard classes[c].enrolled < classes[c].capacity, agActive(a, today) else { return }
        let p = allocPerson()
        persons[p] = Person(num: Int32(truncatingIfNeeded: nextPerson), cls: Int32(c), pending: 1, flags: 0, hiredBy: -1)
        nextPerson += 1
        classes[c].enrolled += 1
        live += 1
        liveByGradYear[Int(classes[c].intakeYear) + Int(classes[c].len), default: 0] += 1
        let ag = agreements[a]
        w.begin("ApprenticeEnrolled", actor: r.chance(0.7) ? mid[Int(ag.school)] : mid[Int(ag.ent)])
        fPerson(p)
        w.fId(.classId, "OC", c + 1, 6)
        w.fDate(.enrolledOn, today)
        w.end()
        let p32 = Int32(p)
        if r.chance(0.95) { schedP(today + rday(0, 21), T.mentorS, p32) }
        if r.chance(0.85) { schedP(today + rday(7, 60), T.mentorE, p32) }
        let y = Int(classes[c].intakeYear)
        let gradYear = y + Int(classes[c].len)
        scheduleApply(p32, year: y)
        if r.chance(0.02) {
            schedP(rday(today + 30, date(gradYear, 5, 31)), T.withdraw, p32, Int32(r.below(3)))
        }
        schedP(date(y + 1, 1, 5), T.pyear, p32, Int32(y + 1))
        persons[p].pending -= 1  // the enrolment's own reference
    }

    /// Yearly apprenticeship subsidy claim window (mid-Oct to mid-Dec) for period `year`.
    func scheduleApply(_ p: Int32, year: Int) {
        let kind = agreements[pAgreement(Int(p))].kind
        guard r.chance(kind == AAPPR ? 0.9 : 0.5) else { return }
        var d = rday(date(year, 10, 1), date(year, 12, 15))
        if d <= today { d = today + rday(3, 20) }
        if yearOf(d) != year { return }
        schedP(d, T.apply, p, Int32(PAPPR * 10000 + year))
    }

    func personYear(_ p: Int, _ y: Int) {
        guard persons[p].flags & FW == 0 else { return }
        let c = classes[Int(persons[p].cls)]
        let gradYear = Int(c.intakeYear) + Int(c.len)
        let p32 = Int32(p)
        if y < gradYear {
            scheduleApply(p32, year: y)
            schedP(date(y + 1, 1, 5), T.pyear, p32, Int32(y + 1))
        } else {
            if r.chance(0.95) { schedP(rday(date(y, 2, 10), date(y, 3, 5)), T.place, p32) }
            schedP(rday(date(y, 6, 1), date(y, 6, 20)), T.assess, p32, 0)
        }
    }

    func mentor(_ p: Int, school: Bool) {
        guard persons[p].flags & (FW | FG) == 0 else { return }
        let m = school ? pSchool(p) : pEnt(p)
        w.begin("MentorAssigned", actor: mid[m])
        fPerson(p)
        w.key(.mentorId)
        let q = w.quoted
        if q { w.b(34) }
        if school {
            w.put("ms")
            w.pad(Int(mNum[m]), 4)
            w.pad(r.below(Int(60 + 40 * s.squareRoot())), 3)
        } else {
            w.put("me")
            w.pad(Int(mNum[m]), 5)
            w.pad(r.below(30), 2)
        }
        if q { w.b(34) }
        w.endKey()
        if school { w.fS(.side, "school") } else { w.fS(.side, "enterprise") }
        w.end()
    }

    func place(_ p: Int) {
        guard persons[p].flags & FW == 0 else { return }
        let e = pEnt(p)
        let starts = today + rday(5, 20)
        let ends = date(yearOf(today), 6, 20)
        w.begin("InternshipPlaced", actor: mid[e])
        fPerson(p)
        w.fB(.enterpriseId, mid[e])
        w.fDate(.startsOn, starts)
        w.fDate(.endsOn, max(ends, starts + 30))
        w.end()
        if r.chance(0.3) {
            schedP(today + rday(10, 40), T.apply, Int32(p), Int32(PINTERN * 10000 + yearOf(today)))
        }
    }

    func assess(_ p: Int, retake: Bool) {
        guard persons[p].flags & (FW | FP) == 0 else { return }
        let passed = r.chance(retake ? 0.8 : 0.85)
        w.begin("ApprenticeAssessed", actor: r.chance(0.6) ? mid[pSchool(p)] : mid[pEnt(p)])
        fPerson(p)
        if retake {
            w.fS(.assessment, "retake practical assessment")
        } else {
            w.fS(.assessment, "final practical assessment")
        }
        w.fBool(.passed, passed)
        w.end()
        let p32 = Int32(p)
        if passed {
            persons[p].flags |= FP
            if r.chance(0.92) { schedP(today + rday(3, 20), T.cert, p32) }
            schedP(today + rday(25, 40), T.grad, p32)
            // withheld remainders of advanced claims can now be paid
            for i in 0..<4 where awaiting[4 * p + i] >= 0 {
                schedC(today + rday(5, 40), T.payRest, awaiting[4 * p + i])
                awaiting[4 * p + i] = -1
            }
        } else if !retake {
            persons[p].flags |= FF
            let y = yearOf(today)
            schedP(max(today + 30, rday(date(y, 8, 25), date(y, 9, 15))), T.assess, p32, 1)
        } else {
            schedP(today + rday(10, 30), T.withdraw, p32, 3)
        }
    }

    func certificate(_ p: Int) {
        guard persons[p].flags & FW == 0 else { return }
        w.begin("CertificateAwarded", actor: mid[pSchool(p)])
        fPerson(p)
        w.fB(.certificate, bCertificates[r.below(bCertificates.count)])
        switch r.below(3) {
        case 0: w.fS(.level, "junior")
        case 1: w.fS(.level, "intermediate")
        default: w.fS(.level, "senior")
        }
        w.end()
        persons[p].flags |= FC
        if r.chance(0.08) {
            schedP(today + rday(20, 90), T.apply, Int32(p), Int32(PSKILLS * 10000 + yearOf(today)))
        }
    }

    func graduate(_ p: Int) {
        guard persons[p].flags & (FW | FG) == 0, persons[p].flags & FP != 0 else { return }
        w.begin("ApprenticeGraduated", actor: mid[pSchool(p)])
        fPerson(p)
        w.end()
        persons[p].flags |= FG
        live -= 1
        liveByGradYear[gradYear(p), default: 0] -= 1
        if r.chance(0.7) { schedP(today + rday(0, 90), T.hire, Int32(p)) }
    }

    func hire(_ p: Int) {
        guard persons[p].flags & FG != 0, persons[p].flags & FH == 0 else { return }
        var e = pEnt(p)
        var local = r.chance(0.8)
        if r.chance(0.15), let other = pick(ents) {
            e = Int(other)
            local = r.chance(0.55)
        }
        w.begin("GraduateHired", actor: mid[e])
        fPerson(p)
        w.fB(.enterpriseId, mid[e])
        w.fBool(.local, local)
        w.end()
        persons[p].flags |= FH
        persons[p].hiredBy = Int32(e)
        let p32 = Int32(p)
        let y = yearOf(today)
        if r.chance(0.9) { schedP(today + 182, T.verify, p32, 6) }
        if r.chance(0.2) { schedP(today + rday(30, 120), T.apply, p32, Int32(PEMPLOY * 10000 + y)) }
        if r.chance(0.1) { schedP(today + rday(60, 150), T.apply, p32, Int32(PSOCIAL * 10000 + y)) }
    }

    func verify(_ p: Int, months: Int) {
        guard persons[p].flags & FH != 0 else { return }
        let e = Int(persons[p].hiredBy)
        guard mActive[e] else { return }
        w.begin("EmploymentVerified", actor: mid[e])
        fPerson(p)
        w.fB(.enterpriseId, mid[e])
        w.fInt(.monthsEmployed, months)
        w.end()
        if months == 6 && r.chance(0.4) { schedP(today + 183, T.verify, Int32(p), 12) }
    }

    func withdrawPerson(_ p: Int, reason: Int) {
        guard persons[p].flags & (FW | FG | FP) == 0 else { return }
        w.begin("ApprenticeWithdrawn", actor: mid[pSchool(p)])
        fPerson(p)
        switch reason {
        case 0: w.fS(.reason, "transferred to another programme")
        case 1: w.fS(.reason, "personal reasons")
        case 2: w.fS(.reason, "health reasons")
        default: w.fS(.reason, "did not pass the final assessment")
        }
        w.end()
        persons[p].flags |= FW
        live -= 1
        liveByGradYear[gradYear(p), default: 0] -= 1
        for i in 0..<4 where awaiting[4 * p + i] >= 0 {
            let c = awaiting[4 * p + i]
            awaiting[4 * p + i] = -1
            if r.chance(0.5) { schedC(today + rday(15, 60), T.clawback, c, 0) } else { releaseClaim(Int(c)) }
        }
    }

    // MARK: subsidies

    func allocClaim() -> Int {
        if let f = freeClaims.popLast() { return Int(f) }
        claims.append(Claim())
        return claims.count - 1
    }

    func releaseClaim(_ c: Int) { freeClaims.append(Int32(c)) }

    func apply(_ p: Int, programme: Int, period: Int) {
        let f = persons[p].flags
        guard f & FW == 0 else { return }
        guard let b = budgetIndex[period * 8 + programme] else { return }
        let applicant: Int
        let amount: Int
        switch programme {
        case PAPPR:
            applicant = r.chance(0.75) ? pEnt(p) : pSchool(p)
            amount = 10_000 * r.range(40, 85)
        case PINTERN:
            applicant = pEnt(p)
            amount = 10_000 * r.range(10, 30)
        case PEMPLOY:
            applicant = Int(persons[p].hiredBy)
            amount = 10_000 * r.range(20, 50)
        case PSKILLS:
            applicant = pSchool(p)
            amount = 10_000 * r.range(5, 20)
        default:
            applicant = Int(persons[p].hiredBy)
            amount = 10_000 * r.range(10, 40)
        }
        guard applicant >= 0, mActive[applicant] else { return }
        let c = allocClaim()
        claims[c] = Claim(num: Int32(truncatingIfNeeded: nextClaim), person: Int32(p), budget: b,
                          applicant: Int32(applicant), programme: Int32(programme), applied: amount,
                          approved: 0, paid: 0, clawed: 0)
        nextClaim += 1
        w.begin("SubsidyApplied", actor: mid[applicant])
        w.fId(.claimId, "CL", Int(claims[c].num), 8)
        w.key(.budgetId)
        budgetIdValue(Int(b))
        w.endKey()
        w.key(.programme)
        programmeName(programme)
        w.endKey()
        w.fB(.applicantId, mid[applicant])
        fPerson(p)
        w.fIntString(.period, period)
        w.fInt(.amountFen, amount)
        w.end()
        if r.chance(0.97) { schedC(today + rday(10, 45), T.approve, Int32(c)) } else { releaseClaim(c) }
    }

    @inline(__always) func fClaim(_ c: Int) { w.fId(.claimId, "CL", Int(claims[c].num), 8) }

    func approve(_ c: Int) {
        let p = Int(claims[c].person)
        guard persons[p].flags & FW == 0 else { return releaseClaim(c) }
        let b = Int(claims[c].budget)
        var amount = claims[c].applied
        if r.chance(0.12) { amount = amount * r.range(70, 95) / 100 / 100 * 100 }
        amount = min(amount, budgets[b].amount - budgets[b].approved)
        guard amount > 0 else { return releaseClaim(c) }
        var approver = lead
        if secretariat.count > 0 && r.chance(0.5) { approver = secretariat[r.below(secretariat.count)] }
        guard Int(approver) != Int(claims[c].applicant) else { return releaseClaim(c) }
        budgets[b].approved += amount
        claims[c].approved = amount
        w.begin("SubsidyApproved", actor: mid[Int(approver)])
        fClaim(c)
        w.fB(.approverId, mid[Int(approver)])
        w.fInt(.amountFen, amount)
        w.end()
        schedC(today + rday(7, 40), T.pay, Int32(c))
    }

    func pay(_ c: Int) {
        let p = Int(claims[c].person)
        let f = persons[p].flags
        guard f & FW == 0 else { return releaseClaim(c) }
        if f & FP != 0 { return payRest(c) }
        // not yet assessed (passed): advance of at most half the approved amount, rest withheld
        let adv = claims[c].approved * r.range(40, 50) / 100 / 100 * 100
        guard adv > 0 else { return releaseClaim(c) }
        var slot = -1
        for i in 0..<4 where awaiting[4 * p + i] < 0 {
            slot = i
            break
        }
        claims[c].paid += adv
        w.begin("SubsidyPaid", actor: secActor())
        fClaim(c)
        w.fInt(.amountFen, adv)
        w.fBool(.advance, true)
        w.end()
        if slot >= 0 { awaiting[4 * p + slot] = Int32(c) } else { releaseClaim(c) }
    }

    func payRest(_ c: Int) {
        let rest = claims[c].approved - claims[c].paid
        if rest > 0 {
            claims[c].paid += rest
            w.begin("SubsidyPaid", actor: secActor())
            fClaim(c)
            w.fInt(.amountFen, rest)
            w.end()
        }
        if r.chance(0.012) { schedC(today + rday(30, 200), T.clawback, Int32(c), 1) } else { releaseClaim(c) }
    }

    func clawback(_ c: Int, _ reason: Int) {
        let avail = claims[c].paid - claims[c].clawed
        let amount = reason == 0 ? avail : max(100, avail * r.range(10, 100) / 100 / 100 * 100)
        if avail > 0 && amount <= avail {
            claims[c].clawed += amount
            w.begin("SubsidyClawedBack", actor: secActor())
            fClaim(c)
            w.fInt(.amountFen, amount)
            switch reason {
            case 0: w.fS(.reason, "apprentice withdrew before assessment")
            default: w.fS(.reason, r.chance(0.5) ? "audit: attendance records not substantiated" :
                    "audit: duplicate funding from another programme")
            }
            w.end()
        }
        releaseClaim(c)
    }

    // MARK: daily activity: services, demand lists, platforms, projects

    func daily() {
        let y = yearOf(today)
        let yi = y - P.startYear
        let g = growth(y) * s
        let wd = weekday(today)
        let wf = (wd == 0 || wd == 6) ? 0.25 : 1.0
        let norm = 1.0 / 365.0 / (5.5 / 7.0)
        for _ in 0..<r.count(5000 * g * norm * wf) { training() }
        for _ in 0..<r.count(720 * g * norm * wf) { techService() }
        let m = civil(today).m
        if m >= 3 && m <= 5 { for _ in 0..<r.count(0.45 * Double(ents.count) / 92.0) { demandList(y) } }
        if yi > 0 || m >= 3 { for _ in 0..<r.count(40 * g / 365) { createPlatform() } }
        if yi > 0 || m >= 4 { for _ in 0..<r.count(25 * g / 365) { createProject() } }
        sched(today + 1, T.daily)
    }

    func training() {
        let provider = r.chance(0.88) ? pick(schools) : pick(research)
        guard let pr = provider else { return }
        w.begin("TrainingDelivered", actor: mid[Int(pr)])
        w.fB(.providerId, mid[Int(pr)])
        let u = r.unit()
        w.fInt(.personTimes, u < 0.8 ? r.range(20, 120) : r.range(120, 600))
        w.fB(.topic, bTopics[r.below(bTopics.count)])
        if r.chance(0.6), let e = pick(ents) { w.fB(.recipientId, mid[Int(e)]) }
        w.end()
    }

    func techService() {
        let provider = r.chance(0.75) ? pick(schools) : pick(research)
        guard let pr = provider, let e = pick(ents) else { return }
        w.begin("TechServiceDelivered", actor: mid[Int(pr)])
        w.fB(.providerId, mid[Int(pr)])
        w.fB(.clientId, mid[Int(e)])
        w.fInt(.valueFen, 10_000 * (r.chance(0.8) ? r.range(200, 1500) : r.range(1500, 5000)))
        w.end()
    }

    func demandList(_ y: Int) {
        guard let e = pick(ents) else { return }
        let occ = bOccupations[Int(mIndustry[Int(e)])]
        w.begin("DemandListPublished", actor: mid[Int(e)])
        w.fId(.listId, "DL", nextList, 6)
        nextList += 1
        w.fB(.enterpriseId, mid[Int(e)])
        w.fInt(.year, r.chance(0.8) ? y : y + 1)
        w.key(.items)
        w.open(91)
        let n = r.range(1, min(3, occ.count))
        let startOcc = r.below(occ.count)
        for i in 0..<n {
            if i > 0 { w.b(44) }
            w.open(123)
            w.nkey("occupation", first: true)
            w.vB(occ[(startOcc + i) % occ.count])
            w.nkey("headcount", first: false)
            w.int(r.chance(0.85) ? r.range(2, 20) : r.range(20, 80))
            w.close(125)
        }
        w.close(93)
        w.endKey()
        w.end()
    }

    func createPlatform() {
        guard let sc = pick(schools), let e1 = pick(ents) else { return }
        let u = r.unit()
        let kind = u < 0.55 ? 0 : (u < 0.7 ? 1 : (u < 0.82 ? 2 : (u < 0.88 ? 3 : 4)))
        var members: [Int32] = []
        let budget: Int
        switch kind {
        case 0:
            members = [sc, e1]
            budget = r.range(50, 500)
        case 1:
            members = [sc, (r.chance(0.5) ? pick(research) : nil) ?? e1]
            budget = r.range(100, 800)
        case 2:
            members = [sc, e1]
            budget = r.range(30, 300)
        case 3:
            members = [sc, e1]
            for _ in 0..<r.range(1, 3) {
                if let e = pick(ents), !members.contains(e) { members.append(e) }
            }
            budget = r.range(500, 3000)
        default:
            members = [pick(research) ?? sc, e1]
            if let e = pick(ents), !members.contains(e), r.chance(0.5) { members.append(e) }
            budget = r.range(200, 2000)
        }
        let planned = budget * 10_000_000 / 10  // budget is in units of ¥10k → fen
        let pl = platforms.count
        platforms.append(Platform(members: members, state: 0))
        w.begin("PlatformCreated", actor: r.chance(0.05) ? secActor() : mid[Int(members[r.below(members.count)])])
        w.fId(.platformId, "PL", pl + 1, 5)
        let nameCity = cityNames[pl % cityNames.count]
        let kindName: String
        switch kind {
        case 0:
            w.fS(.kind, "trainingBase")
            kindName = "Training Base"
        case 1:
            w.fS(.kind, "lab")
            kindName = "Joint Lab"
        case 2:
            w.fS(.kind, "craftsmanLab")
            kindName = "Craftsman Lab"
        case 3:
            w.fS(.kind, "industryCollege")
            kindName = "Industry College"
        default:
            w.fS(.kind, "rdCenter")
            kindName = "R&D Center"
        }
        let majorList = bMajors[Int(mIndustry[Int(e1)])]
        var name = Array("\(nameCity) ".utf8)
        name += majorList[r.below(majorList.count)]
        name += Array(" \(kindName) \(pl + 1)".utf8)
        w.fB(.name, name)
        w.key(.memberIds)
        w.open(91)
        for (i, m) in members.enumerated() {
            if i > 0 { w.b(44) }
            w.vB(mid[Int(m)])
        }
        w.close(93)
        w.endKey()
        w.fInt(.plannedBudgetFen, planned)
        w.end()
        let decideDay = today + rday(180, 400)
        let d = r.unit()
        if d < 0.75 {
            sched(decideDay, T.decide, Int32(pl), 1)
        } else if d < 0.85 {
            sched(decideDay, T.decide, Int32(pl), 2)
        }
        for (i, _) in members.enumerated() {
            for _ in 0..<r.range(1, 3) { sched(rday(today + 10, decideDay - 1), T.contrib, Int32(pl), Int32(i)) }
        }
        recentPlatforms.append(Int32(pl))
        if recentPlatforms.count > 400 { recentPlatforms.removeFirst(100) }
    }

    func contribute(_ pl: Int, _ i: Int) {
        guard platforms[pl].state != 2 else { return }
        let m = Int(platforms[pl].members[i])
        guard mActive[m] else { return }
        w.begin("ContributionRecorded", actor: r.chance(0.03) ? secActor() : mid[m])
        w.fId(.platformId, "PL", pl + 1, 5)
        w.fB(.memberId, mid[m])
        let u = r.unit()
        if mKind[m] == KSCHOOL {
            w.fS(.kind, u < 0.5 ? "site" : (u < 0.8 ? "staff" : "cash"))
        } else {
            w.fS(.kind, u < 0.45 ? "equipment" : (u < 0.8 ? "cash" : (u < 0.9 ? "staff" : "site")))
        }
        w.fInt(.valueFen, 100_000 * r.range(50, 5000))
        w.end()
    }

    func decide(_ pl: Int, _ outcome: Int32) {
        guard platforms[pl].state == 0 else { return }
        if outcome == 1 {
            w.begin("PlatformAccepted", actor: secActor())
            w.fId(.platformId, "PL", pl + 1, 5)
            w.end()
            platforms[pl].state = 1
        } else {
            w.begin("PlatformRejected", actor: secActor())
            w.fId(.platformId, "PL", pl + 1, 5)
            w.fS(.reason, r.chance(0.5) ? "acceptance review failed: equipment not installed" :
                "insufficient matched funding")
            w.end()
            platforms[pl].state = 2
        }
    }

    func createProject() {
        var platform = -1
        var lead: Int32
        if r.chance(0.6), let pl = pick(recentPlatforms), platforms[Int(pl)].state != 2 {
            platform = Int(pl)
            let ms = platforms[platform].members
            lead = ms[r.below(ms.count)]
        } else {
            let u = r.unit()
            guard let l = (u < 0.5 ? pick(schools) : (u < 0.85 ? pick(ents) : pick(research))) ?? pick(schools) else {
                return
            }
            lead = l
        }
        guard mActive[Int(lead)] else { return }
        let pj = projects.count
        projects.append(Project(lead: lead, closed: false))
        let starts = today + rday(0, 30)
        let ends = starts + 30 * r.range(12, 30)
        let n = r.range(3, 6)
        w.begin("ProjectCreated", actor: mid[Int(lead)])
        w.fId(.projectId, "PJ", pj + 1, 5)
        w.key(.title)
        let q = w.quoted
        if q { w.b(34) }
        w.bytes(bProjects[r.below(bProjects.count)])
        w.put(" ")
        w.int(pj + 1)
        if q { w.b(34) }
        w.endKey()
        if platform >= 0 { w.fId(.platformId, "PL", platform + 1, 5) }
        w.fB(.leadMemberId, mid[Int(lead)])
        w.fInt(.budgetFen, 1_000_000 * r.range(20, 500))
        w.fDate(.startsOn, starts)
        w.fDate(.endsOn, ends)
        w.key(.milestones)
        w.open(91)
        let closeDay = ends + rday(5, 40)
        for i in 0..<n {
            let due = starts + (ends - starts) * (i + 1) / n
            if i > 0 { w.b(44) }
            w.open(123)
            w.nkey("milestoneId", first: true)
            vMilestone(pj, i)
            w.nkey("title", first: false)
            w.vB(bMilestones[min(i, bMilestones.count - 1)])
            w.nkey("dueOn", first: false)
            w.vDate(due)
            w.close(125)
            let u = r.unit()
            if u < 0.75 {
                sched(rday(max(today + 1, due - 30), due), T.milestone, Int32(pj), Int32(i))
            } else if u < 0.85 {
                sched(rday(due + 1, min(due + 60, closeDay - 1)), T.milestone, Int32(pj), Int32(i))
            }
        }
        w.close(93)
        w.endKey()
        w.end()
        sched(closeDay, T.closeProject, Int32(pj))
    }

    func reportMilestone(_ pj: Int, _ i: Int) {
        guard !projects[pj].closed else { return }
        w.begin("MilestoneReported", actor: mid[Int(projects[pj].lead)])
        w.fId(.projectId, "PJ", pj + 1, 5)
        w.key(.milestoneId)
        vMilestone(pj, i)
        w.endKey()
        w.end()
    }

    func vMilestone(_ pj: Int, _ i: Int) {
        let q = w.quoted
        if q { w.b(34) }
        w.put("PJ")
        w.pad(pj + 1, 5)
        w.put("-M")
        w.int(i + 1)
        if q { w.b(34) }
    }

    func closeProject(_ pj: Int) {
        guard !projects[pj].closed else { return }
        projects[pj].closed = true
        w.begin("ProjectClosed", actor: secActor())
        w.fId(.projectId, "PJ", pj + 1, 5)
        let u = r.unit()
        w.fS(.outcome, u < 0.8 ? "completed" : (u < 0.95 ? "completed with deviations" : "terminated early"))
        w.end()
    }
}

private let b64: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

func base64(_ d: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity((d.count + 2) / 3 * 4)
    var i = 0
    while i + 2 < d.count {
        let n = (UInt32(d[i]) << 16) | (UInt32(d[i + 1]) << 8) | UInt32(d[i + 2])
        out.append(b64[Int(n >> 18)])
        out.append(b64[Int((n >> 12) & 63)])
        out.append(b64[Int((n >> 6) & 63)])
        out.append(b64[Int(n & 63)])
        i += 3
    }
    let rest = d.count - i
    if rest == 1 {
        let n = UInt32(d[i]) << 16
        out.append(b64[Int(n >> 18)])
        out.append(b64[Int((n >> 12) & 63)])
        out.append(61)
        out.append(61)
    } else if rest == 2 {
        let n = (UInt32(d[i]) << 16) | (UInt32(d[i + 1]) << 8)
        out.append(b64[Int(n >> 18)])
        out.append(b64[Int((n >> 12) & 63)])
        out.append(b64[Int((n >> 6) & 63)])
        out.append(61)
    }
    return out
}
