// Order classes and apprentices through every stage.

extension Simulation {
    // MARK: classes and apprentices

    func openClasses(_ a: Int) {
        let y = CivilDate.yearOf(today)
        guard agActive(a, today), Int(agreements[a].endsOn) >= date(y, 10, 31) else { return }
        let ag = agreements[a]
        let u = r.unit()
        let n = u < 0.65 ? 1 : (u < 0.93 ? 2 : 3)
        let majors = bMajors[Int(mIndustry[Int(ag.ent)])]
        for _ in 0..<n {
            let c = classes.count
            let cap = r.range(30, 50)
            let len = ag.kind == AgreementCode.orderClass ? (r.chance(0.4) ? 1 : 2) : (r.chance(0.5) ? 2 : 3)
            classes.append(
                OrderClass(
                    agreement: Int32(a), capacity: Int16(cap), enrolled: 0, intakeYear: Int16(y),
                    len: Int16(len)))
            w.begin("OrderClassOpened", actor: party(a))
            w.fId(.classId, "OC", c + 1, 6)
            w.fId(.agreementId, "AG", a + 1, 6)
            w.fB(.major, majors[r.below(majors.count)])
            w.fInt(.capacity, cap)
            w.fInt(.intakeYear, y)
            w.end()
            let fill = Int((Double(cap) * (0.85 + 0.15 * r.unit())).rounded())
            let sep1 = date(y, 9, 1)
            let sep25 = date(y, 9, 25)
            let oct1 = date(y, 10, 1)
            let nov15 = date(y, 11, 15)
            for _ in 0..<min(fill, cap) {
                sched(r.chance(0.9) ? rday(sep1, sep25) : rday(oct1, nov15), JobKind.enrol, Int32(c))
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
            claimSlotsByPerson[persons[p].num] = nil
            freePersons.append(Int32(p))
        }
    }

    func enrol(_ c: Int) {
        let a = Int(classes[c].agreement)
        guard classes[c].enrolled < classes[c].capacity, agActive(a, today) else { return }
        let p = allocPerson()
        persons[p] = Person(
            num: Int32(truncatingIfNeeded: nextPerson), cls: Int32(c), pending: 1, flags: 0, hiredBy: -1)
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
        if r.chance(0.95) { schedP(today + rday(0, 21), JobKind.mentorS, p32) }
        if r.chance(0.85) { schedP(today + rday(7, 60), JobKind.mentorE, p32) }
        let y = Int(classes[c].intakeYear)
        let gradYear = y + Int(classes[c].len)
        scheduleApply(p32, year: y)
        maybePlantForEnrolled(p32)
        if r.chance(0.02) {
            schedP(rday(today + 30, date(gradYear, 5, 31)), JobKind.withdraw, p32, Int32(r.below(3)))
        }
        schedP(date(y + 1, 1, 5), JobKind.pyear, p32, Int32(y + 1))
        persons[p].pending -= 1  // the enrolment's own reference
    }

    /// Yearly apprenticeship subsidy claim window (mid-Oct to mid-Dec) for period `year`.
    func scheduleApply(_ p: Int32, year: Int) {
        let kind = agreements[pAgreement(Int(p))].kind
        guard r.chance(kind == AgreementCode.apprenticeship ? 0.9 : 0.5) else { return }
        var d = rday(date(year, 10, 1), date(year, 12, 15))
        if d <= today { d = today + rday(3, 20) }
        if CivilDate.yearOf(d) != year { return }
        schedP(d, JobKind.apply(ProgrammeCode.apprenticeship), p, Int32(year))
    }

    func personYear(_ p: Int, _ y: Int) {
        guard persons[p].flags & PersonFlag.withdrawn == 0 else { return }
        let c = classes[Int(persons[p].cls)]
        let gradYear = Int(c.intakeYear) + Int(c.len)
        let p32 = Int32(p)
        if y < gradYear {
            scheduleApply(p32, year: y)
            schedP(date(y + 1, 1, 5), JobKind.pyear, p32, Int32(y + 1))
        } else {
            if r.chance(0.95) { schedP(rday(date(y, 2, 10), date(y, 3, 5)), JobKind.place, p32) }
            schedP(rday(date(y, 6, 1), date(y, 6, 20)), JobKind.assess, p32, 0)
        }
    }

    func mentor(_ p: Int, school: Bool) {
        guard persons[p].flags & (PersonFlag.withdrawn | PersonFlag.graduated) == 0 else { return }
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
        guard persons[p].flags & PersonFlag.withdrawn == 0 else { return }
        let e = pEnt(p)
        let starts = today + rday(5, 20)
        let ends = date(CivilDate.yearOf(today), 6, 20)
        w.begin("InternshipPlaced", actor: mid[e])
        fPerson(p)
        w.fB(.enterpriseId, mid[e])
        w.fDate(.startsOn, starts)
        w.fDate(.endsOn, max(ends, starts + 30))
        w.end()
        if r.chance(0.3) {
            schedP(
                today + rday(10, 40), JobKind.apply(ProgrammeCode.internship), Int32(p), Int32(CivilDate.yearOf(today)))
        }
    }

    func assess(_ p: Int, retake: Bool) {
        guard persons[p].flags & (PersonFlag.withdrawn | PersonFlag.passed) == 0 else { return }
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
            persons[p].flags |= PersonFlag.passed
            if r.chance(0.92) { schedP(today + rday(3, 20), JobKind.cert, p32) }
            schedP(today + rday(25, 40), JobKind.grad, p32)
            // withheld remainders of advanced claims can now be paid
            for i in 0..<4 where awaiting[4 * p + i] >= 0 {
                schedC(today + rday(5, 40), JobKind.payRest, awaiting[4 * p + i])
                awaiting[4 * p + i] = -1
            }
        } else if !retake {
            persons[p].flags |= PersonFlag.failedOnce
            let y = CivilDate.yearOf(today)
            schedP(max(today + 30, rday(date(y, 8, 25), date(y, 9, 15))), JobKind.assess, p32, 1)
        } else {
            schedP(today + rday(10, 30), JobKind.withdraw, p32, 3)
        }
    }

    func certificate(_ p: Int) {
        guard persons[p].flags & PersonFlag.withdrawn == 0 else { return }
        w.begin("CertificateAwarded", actor: mid[pSchool(p)])
        fPerson(p)
        w.fB(.certificate, bCertificates[r.below(bCertificates.count)])
        switch r.below(3) {
        case 0: w.fS(.level, "junior")
        case 1: w.fS(.level, "intermediate")
        default: w.fS(.level, "senior")
        }
        w.end()
        persons[p].flags |= PersonFlag.certified
        if r.chance(0.08) {
            schedP(
                today + rday(20, 90), JobKind.apply(ProgrammeCode.skillsAward), Int32(p), Int32(CivilDate.yearOf(today))
            )
        }
    }

    func graduate(_ p: Int) {
        guard persons[p].flags & (PersonFlag.withdrawn | PersonFlag.graduated) == 0,
            persons[p].flags & PersonFlag.passed != 0
        else { return }
        w.begin("ApprenticeGraduated", actor: mid[pSchool(p)])
        fPerson(p)
        w.end()
        persons[p].flags |= PersonFlag.graduated
        live -= 1
        liveByGradYear[gradYear(p), default: 0] -= 1
        if r.chance(0.7) { schedP(today + rday(0, 90), JobKind.hire, Int32(p)) }
    }

    func hire(_ p: Int) {
        guard persons[p].flags & PersonFlag.graduated != 0, persons[p].flags & PersonFlag.hired == 0 else { return }
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
        persons[p].flags |= PersonFlag.hired
        persons[p].hiredBy = Int32(e)
        let p32 = Int32(p)
        let y = CivilDate.yearOf(today)
        if r.chance(0.9) { schedP(today + 182, JobKind.verify, p32, 6) }
        if r.chance(0.2) { schedP(today + rday(30, 120), JobKind.apply(ProgrammeCode.employment), p32, Int32(y)) }
        if r.chance(0.1) { schedP(today + rday(60, 150), JobKind.apply(ProgrammeCode.socialInsurance), p32, Int32(y)) }
    }

    func verify(_ p: Int, months: Int) {
        guard persons[p].flags & PersonFlag.hired != 0 else { return }
        let e = Int(persons[p].hiredBy)
        guard mActive[e] else { return }
        w.begin("EmploymentVerified", actor: mid[e])
        fPerson(p)
        w.fB(.enterpriseId, mid[e])
        w.fInt(.monthsEmployed, months)
        w.end()
        if months == 6 && r.chance(0.4) { schedP(today + 183, JobKind.verify, Int32(p), 12) }
    }

    func withdrawPerson(_ p: Int, reason: Int) {
        guard persons[p].flags & (PersonFlag.withdrawn | PersonFlag.graduated | PersonFlag.passed) == 0 else { return }
        w.begin("ApprenticeWithdrawn", actor: mid[pSchool(p)])
        fPerson(p)
        switch reason {
        case 0: w.fS(.reason, "transferred to another programme")
        case 1: w.fS(.reason, "personal reasons")
        case 2: w.fS(.reason, "health reasons")
        default: w.fS(.reason, "did not pass the final assessment")
        }
        w.end()
        persons[p].flags |= PersonFlag.withdrawn
        live -= 1
        liveByGradYear[gradYear(p), default: 0] -= 1
        for i in 0..<4 where awaiting[4 * p + i] >= 0 {
            let c = awaiting[4 * p + i]
            awaiting[4 * p + i] = -1
            if r.chance(0.5) { schedC(today + rday(15, 60), JobKind.clawback, c, 0) } else { releaseClaim(Int(c)) }
        }
        maybePlantForWithdrawn(p)
    }
}
