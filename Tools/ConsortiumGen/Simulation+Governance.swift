// Governance and the yearly plan: charter, KPI targets, resolutions, budgets.

extension Simulation {
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
        for m in 0..<mKind.count where m != Int(lead) && mKind[m] <= MemberCode.association {
            admit(Int32(m), actor: leadId)
        }
        for m in secretariat { sched(today + rday(1, 10), JobKind.key, m) }
        sched(today + rday(1, 10), JobKind.key, lead)
        // everyone else over the next weeks
        for m in 0..<mKind.count where mKind[m] > MemberCode.association {
            let k = mKind[m]
            let d = k == MemberCode.school ? rday(1, 20) : (k == MemberCode.enterprise ? rday(3, 45) : rday(3, 30))
            sched(today + d, JobKind.admit, Int32(m))
        }
        sched(today + 1, JobKind.daily)
    }

    func planYear() {
        let y = CivilDate.yearOf(today)
        let yi = y - plan.startYear
        let g = growth(y)
        if yi == 0 {
            // initial membership, scaled by city count
            lead = newMember(MemberCode.government)
            for _ in 0..<Int(s.rounded(.down)) { _ = newMember(MemberCode.government) }
            for _ in 0..<max(1, Int(s.rounded())) { _ = newMember(MemberCode.park) }
            for _ in 0..<max(1, Int((s / 2).rounded())) { _ = newMember(MemberCode.association) }
            let nSchools = max(7, Int((12 * s).rounded()))
            let nEnts = max(30, Int((220 * s).rounded()))
            let nRes = max(2, Int((5 * s).rounded()))
            for _ in 0..<nSchools { _ = newMember(MemberCode.school) }
            for i in 0..<nEnts { _ = newMember(MemberCode.enterprise, dormant: i % 16 == 5) }
            for i in 0..<nRes { _ = newMember(MemberCode.research, dormant: nRes > 3 && i % 8 == 7) }
            sched(date(y, 1, 3), JobKind.charter)
        } else {
            // membership growth
            let newEnts = r.count(Double(ents.count) * 0.04)
            for i in 0..<newEnts {
                let m = newMember(MemberCode.enterprise, dormant: i % 16 == 5)
                sched(rday(date(y, 2, 1), date(y, 6, 30)), JobKind.admit, m)
            }
            for _ in 0..<r.count(0.25 * s) {
                sched(rday(date(y, 2, 1), date(y, 6, 30)), JobKind.admit, newMember(MemberCode.school))
            }
            for _ in 0..<r.count(0.3 * s) {
                sched(rday(date(y, 2, 1), date(y, 6, 30)), JobKind.admit, newMember(MemberCode.research))
            }
            // certification: new ones and upgrades
            for e in ents {
                let c = mCert[Int(e)]
                if (c == 0 && r.chance(0.03)) || (c > 0 && c < 3 && r.chance(0.05)) {
                    sched(rday(date(y, 3, 1), date(y, 11, 30)), JobKind.certify, e)
                }
            }
            for _ in 0..<r.count(0.03 * Double(ents.count)) {
                if let e = pick(ents) { sched(rday(date(y, 1, 10), date(y, 12, 20)), JobKind.key, e) }
            }
        }
        let early = yi == 0 ? 10 : 5  // first year: after the secretariat is admitted
        // budgets per programme, KPI targets, council resolutions
        for prog in 0..<ProgrammeCode.count {
            sched(rday(date(y, 1, early), date(y, 1, early + 15)), JobKind.budget, Int32(prog))
        }
        for metric in 0..<Self.kpiMetrics.count where yi > 0 || Self.kpiMetrics[metric].firstYear {
            sched(rday(date(y, 1, early + 3), date(y, 1, 28)), JobKind.kpi, Int32(metric), -1)
        }
        for _ in 0..<max(2, Int((2 * s).rounded())) {
            sched(rday(date(y, 2, 1), date(y, 2, 28)), JobKind.kpi, 0, -2)  // per-school enrolment targets
        }
        sched(rday(date(y, 1, early + 2), date(y, 1, 30)), JobKind.resolution)
        for m in [3, 6, 9, 12] { sched(rday(date(y, m, 5), date(y, m, 25)), JobKind.resolution) }
        for _ in 0..<(cities - 1) { sched(rday(date(y, 2, 1), date(y, 12, 20)), JobKind.resolution) }

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
                sched(rday(date(y, 5, 10), date(y, 8, 20)), JobKind.open, a32)
                if r.chance(0.06) { sched(rday(jan2, min(Int(ag.endsOn), date(y, 12, 20))), JobKind.amendPlaces, a32) }
            } else if r.chance(0.4) {
                sched(rday(jan2, min(Int(ag.endsOn), apr30)), JobKind.amendEnds, a32)
                projected += 1
                sched(rday(date(y, 5, 10), date(y, 8, 20)), JobKind.open, a32)
            }
        }
        liveClassAgs = keep
        let target = Int((classAgreementTarget * g).rounded())
        let newCount = yi == 0 ? target : max(target - projected, Int((0.05 * Double(target)).rounded()))
        for _ in 0..<newCount {
            sched(
                rday(date(y, 2, 1), date(y, 5, 15)), JobKind.sign, 0,
                Int32(r.chance(0.55) ? AgreementCode.orderClass : AgreementCode.apprenticeship))
        }
        // other agreements: internship, co-build, tech service
        for _ in 0..<r.count(35 * s * g) {
            let u = r.unit()
            let k = u < 0.4 ? AgreementCode.internship : (u < 0.7 ? AgreementCode.coBuild : AgreementCode.techService)
            sched(rday(date(y, 2, 1), date(y, 11, 30)), JobKind.sign, 0, Int32(k))
        }
        // near the end: dormant members leave
        if yi == plan.years - 1 {
            for m in dormantAdmitted where r.chance(0.35) {
                sched(rday(date(y, 11, 1), date(y, 12, 20)), JobKind.withdrawMember, m)
            }
        }
        sched(date(y + 1, 1, 1), JobKind.year)
    }

    struct Metric {
        let name: StaticString
        let perCity: Double
        let firstYear: Bool
    }

    static let kpiMetrics: [Metric] = [
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
        let y = CivilDate.yearOf(today)
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
        let m = Self.kpiMetrics[metric]
        var target = m.perCity * s * growth(y) * (0.95 + 0.15 * r.unit())
        if y == plan.startYear && metric == 0 { target *= 0.9 }
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
        let y = CivilDate.yearOf(today)
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
        case ProgrammeCode.apprenticeship: w.vS("apprenticeship")
        case ProgrammeCode.internship: w.vS("internship")
        case ProgrammeCode.employment: w.vS("employment")
        case ProgrammeCode.skillsAward: w.vS("skillsAward")
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
        case ProgrammeCode.apprenticeship: w.put("apprenticeship")
        case ProgrammeCode.internship: w.put("internship")
        case ProgrammeCode.employment: w.put("employment")
        case ProgrammeCode.skillsAward: w.put("skillsAward")
        default: w.put("socialInsurance")
        }
        if q { w.b(34) }
    }

    func allocateBudget(_ prog: Int) {
        let y = CivilDate.yearOf(today)
        if budgetIndex[BudgetKey(year: y, programme: prog)] != nil { return }
        let g = growth(y)
        let intake = intakeTarget * g
        // sized from the live cohorts: ~90% expected utilisation; approvals are capped at the amount
        var continuing = 0.0
        for (gy, n) in liveByGradYear where gy > y { continuing += Double(n) }
        let finishing = Double(liveByGradYear[y] ?? 0)
        let need: Double
        switch prog {
        case ProgrammeCode.apprenticeship: need = (continuing + intake) * 0.68 * 625_000
        case ProgrammeCode.internship: need = finishing * 0.95 * 0.3 * 200_000
        case ProgrammeCode.employment: need = finishing * 0.7 * 0.2 * 350_000
        case ProgrammeCode.skillsAward: need = finishing * 0.92 * 0.08 * 125_000
        default: need = finishing * 0.7 * 0.1 * 250_000
        }
        let amount = (Int(need * 1.12) / 1_000_000 + 1) * 1_000_000
        let b = budgets.count
        budgets.append(Budget(programme: Int32(prog), year: Int32(y), amount: amount, approved: 0))
        budgetIndex[BudgetKey(year: y, programme: prog)] = Int32(b)
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
        case ProgrammeCode.apprenticeship: w.fS(.source, r.chance(0.6) ? "city-finance" : "provincial-special-fund")
        case ProgrammeCode.internship: w.fS(.source, "city-finance")
        case ProgrammeCode.employment: w.fS(.source, "central-transfer")
        case ProgrammeCode.skillsAward: w.fS(.source, "association-fund")
        default: w.fS(.source, "park-committee")
        }
        w.end()
    }
}
