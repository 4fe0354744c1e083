// School–enterprise agreements: signing, amending, terminating.

extension Simulation {
    // MARK: agreements

    func agreementKind(_ k: UInt8) {
        switch k {
        case AgreementCode.orderClass: w.fS(.kind, "orderClass")
        case AgreementCode.apprenticeship: w.fS(.kind, "apprenticeship")
        case AgreementCode.coBuild: w.fS(.kind, "coBuild")
        case AgreementCode.internship: w.fS(.kind, "internship")
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
        let ends = CivilDate.addYears(starts, yearsLong) - 1
        let classKind = kind == AgreementCode.orderClass || kind == AgreementCode.apprenticeship
        let places = classKind ? 10 * r.range(4, 16) : (kind == AgreementCode.internship ? 5 * r.range(2, 12) : 0)
        let a = agreements.count
        agreements.append(
            Agreement(
                school: sc, ent: en, kind: kind, startsOn: Int32(starts), endsOn: Int32(ends),
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
        let y = CivilDate.yearOf(today)
        if classKind {
            liveClassAgs.append(Int32(a))
            let lo = max(starts + 1, date(y, 5, 10))
            let hi = date(y, 8, 20)
            if lo <= hi { sched(rday(lo, hi), JobKind.open, Int32(a)) }
        } else if r.chance(0.15) {
            sched(rday(starts + 60, ends - 1), JobKind.terminate, Int32(a))
        }
    }

    func amendEnds(_ a: Int) {
        guard agActive(a, today) else { return }
        let ends = CivilDate.addYears(Int(agreements[a].endsOn), r.range(1, 2))
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
}
