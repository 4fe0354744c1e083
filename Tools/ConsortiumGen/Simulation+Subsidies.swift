// Subsidy claims: application, approval, payment, claw-back.

extension Simulation {
    // MARK: subsidies

    func allocClaim() -> Int {
        if let f = freeClaims.popLast() { return Int(f) }
        claims.append(Claim())
        return claims.count - 1
    }

    func releaseClaim(_ c: Int) { freeClaims.append(Int32(c)) }

    func apply(_ p: Int, programme: Int, period: Int) {
        let f = persons[p].flags
        guard f & PersonFlag.withdrawn == 0 else { return }
        guard let b = budgetIndex[BudgetKey(year: period, programme: programme)] else { return }
        let applicant: Int
        let amount: Int
        switch programme {
        case ProgrammeCode.apprenticeship:
            applicant = r.chance(0.75) ? pEnt(p) : pSchool(p)
            amount = 10_000 * r.range(40, 85)
        case ProgrammeCode.internship:
            applicant = pEnt(p)
            amount = 10_000 * r.range(10, 30)
        case ProgrammeCode.employment:
            applicant = Int(persons[p].hiredBy)
            amount = 10_000 * r.range(20, 50)
        case ProgrammeCode.skillsAward:
            applicant = pSchool(p)
            amount = 10_000 * r.range(5, 20)
        default:
            applicant = Int(persons[p].hiredBy)
            amount = 10_000 * r.range(10, 40)
        }
        guard applicant >= 0, mActive[applicant] else { return }
        // One applicant claims one person for one period once, whatever the programme.
        let slot = ClaimSlot(applicant: Int32(applicant), period: period)
        guard !(claimSlotsByPerson[persons[p].num]?.contains(slot) ?? false) else { return }
        claimSlotsByPerson[persons[p].num, default: []].append(slot)
        let c = allocClaim()
        claims[c] = Claim(
            num: Int32(truncatingIfNeeded: nextClaim), person: Int32(p), budget: b,
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
        if r.chance(0.97) { schedC(today + rday(10, 45), JobKind.approve, Int32(c)) } else { releaseClaim(c) }
    }

    @inline(__always) func fClaim(_ c: Int) { w.fId(.claimId, "CL", Int(claims[c].num), 8) }

    func approve(_ c: Int) {
        let p = Int(claims[c].person)
        guard persons[p].flags & PersonFlag.withdrawn == 0 else { return releaseClaim(c) }
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
        schedC(today + rday(7, 40), JobKind.pay, Int32(c))
    }

    func pay(_ c: Int) {
        let p = Int(claims[c].person)
        let f = persons[p].flags
        guard f & PersonFlag.withdrawn == 0 else { return releaseClaim(c) }
        if f & PersonFlag.passed != 0 { return payRest(c) }
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
        if r.chance(0.012) { schedC(today + rday(30, 200), JobKind.clawback, Int32(c), 1) } else { releaseClaim(c) }
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
            default:
                w.fS(
                    .reason,
                    r.chance(0.5)
                        ? "audit: attendance records not substantiated"
                        : "audit: duplicate funding from another programme")
            }
            w.end()
        }
        releaseClaim(c)
    }
}
