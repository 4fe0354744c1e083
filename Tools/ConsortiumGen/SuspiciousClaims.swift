// Suspicious subsidy claims the generator plants on purpose, one kind per flag of the
// auditors' claims checks (docs/DOMAIN.md, Claims), so that `ledger query claims --flagged`
// has known cases to find. Every other claim the generator makes is clean: it never claims one
// person and period twice by one applicant, never pays after a withdrawal, and claims only what
// an enrolment, placement or hire backs.

/// The flag a planted claim must raise (the ledger's flag codes).
enum SuspicionKind: Int, CaseIterable {
    case noEnrolment, noPlacement, notHired, withdrawn, paidAfterWithdrawal, duplicatePersonPeriod

    var code: String {
        switch self {
        case .noEnrolment: return "no-enrolment"
        case .noPlacement: return "no-placement"
        case .notHired: return "not-hired"
        case .withdrawn: return "withdrawn"
        case .paidAfterWithdrawal: return "paid-after-withdrawal"
        case .duplicatePersonPeriod: return "duplicate-person-period"
        }
    }
}

/// One planted claim: its number (claim id `CL` + 8 digits) and the flag it must raise.
struct PlantedClaim {
    var claimNumber: Int
    var kind: SuspicionKind
    /// Written in full: a claim to be paid after withdrawal counts once its payment is out,
    /// a duplicate once its twin is (the output may end between them).
    var complete: Bool
}

/// A planted claim still to be approved and paid after its person withdrew.
struct PendingPayment {
    var claimNumber: Int
    var plantedIndex: Int
    var budget: Int
    var amount: Int
}

/// One applicant's claim for a person and period, whatever the programme: the generator makes
/// at most one per person (the auditors flag two as duplicate-person-period).
struct ClaimSlot: Equatable {
    var applicant: Int32
    var period: Int
}

/// How often the generator plants: per enrolment for the kinds about enrolled apprentices,
/// per withdrawal for the kinds about withdrawn ones.
enum PlantingRate {
    static let perEnrolment = 0.006
    static let perWithdrawal = 0.15
}

extension Simulation {
    /// At an enrolment: sometimes schedule a claim that lacks enrolment or placement evidence,
    /// or duplicates a person and period.
    func maybePlantForEnrolled(_ p: Int32) {
        guard r.chance(PlantingRate.perEnrolment) else { return }
        let kinds: [SuspicionKind] = [.noEnrolment, .noPlacement, .duplicatePersonPeriod]
        schedP(today + rday(1, 10), JobKind.plant, p, Int32(kinds[r.below(kinds.count)].rawValue))
    }

    /// At a withdrawal: sometimes claim for the withdrawn person as if nothing had happened.
    func maybePlantForWithdrawn(_ p: Int) {
        guard r.chance(PlantingRate.perWithdrawal) else { return }
        let kinds: [SuspicionKind] = [.notHired, .withdrawn, .paidAfterWithdrawal]
        plant(p, kinds[r.below(kinds.count)])
    }

    /// Emits the planted claim(s) of `kind` for person slot `p`, or nothing when the situation
    /// no longer allows it (the person withdrew meanwhile, no budget, no other enterprise).
    func plant(_ p: Int, _ kind: SuspicionKind) {
        let person = persons[p]
        guard !plantedPersons.contains(person.num) else { return }
        let withdrawn = person.flags & PersonFlag.withdrawn != 0
        let civilToday = CivilDate.civil(today)
        let month = monthPeriod(civilToday.y, civilToday.m)
        switch kind {
        case .noEnrolment:
            // An enterprise with no agreement behind the person's class claims for them.
            guard !withdrawn, let other = pick(ents), Int(other) != pEnt(p), mActive[Int(other)] else { return }
            let half = Array("\(civilToday.y)-H\(civilToday.m <= 6 ? 1 : 2)".utf8)
            emitPlanted(kind, p, applicant: Int(other), programme: ProgrammeCode.apprenticeship, period: half)
        case .noPlacement:
            // The class's enterprise claims an internship for a month the person was not placed.
            guard !withdrawn, person.flags & PersonFlag.passed == 0 else { return }
            emitPlanted(kind, p, applicant: pEnt(p), programme: ProgrammeCode.internship, period: month)
        case .duplicatePersonPeriod:
            // The school claims the same person and month under two programmes.
            guard !withdrawn else { return }
            guard
                emitPlanted(
                    kind, p, applicant: pSchool(p), programme: ProgrammeCode.apprenticeship, period: month,
                    complete: false) != nil
            else { return }
            if emitPlanted(kind, p, applicant: pSchool(p), programme: ProgrammeCode.skillsAward, period: month) != nil {
                plantedClaims[plantedClaims.count - 2].complete = true
            }
        case .notHired:
            // Employment subsidy for someone who left before ever being hired.
            emitPlanted(kind, p, applicant: pEnt(p), programme: ProgrammeCode.employment, period: month)
        case .withdrawn:
            // A claim for the year after the person withdrew.
            emitPlanted(
                kind, p, applicant: pSchool(p), programme: ProgrammeCode.skillsAward,
                period: Array("\(civilToday.y + 1)".utf8))
        case .paidAfterWithdrawal:
            // Claimed for the month of withdrawal, then approved and paid weeks later all the same.
            guard
                let application = emitPlanted(
                    kind, p, applicant: pSchool(p), programme: ProgrammeCode.skillsAward, period: month, complete: false
                ),
                let budget = budgetIndex[BudgetKey(year: civilToday.y, programme: ProgrammeCode.skillsAward)]
            else { return }
            pendingPayments.append(
                PendingPayment(
                    claimNumber: application.claimNumber, plantedIndex: plantedClaims.count - 1, budget: Int(budget),
                    amount: application.amount))
            sched(today + rday(10, 30), JobKind.payPlanted, Int32(pendingPayments.count - 1))
        }
    }

    /// One planted `SubsidyApplied`; returns its claim number and amount, or nil when nothing was emitted.
    @discardableResult
    func emitPlanted(
        _ kind: SuspicionKind, _ p: Int, applicant: Int, programme: Int, period: [UInt8], complete: Bool = true
    ) -> (claimNumber: Int, amount: Int)? {
        guard mActive[applicant],
            let budget = budgetIndex[BudgetKey(year: CivilDate.yearOf(today), programme: programme)]
        else { return nil }
        let written = w.count
        let number = nextClaim
        nextClaim += 1
        w.begin("SubsidyApplied", actor: mid[applicant])
        w.fId(.claimId, "CL", number, 8)
        w.key(.budgetId)
        budgetIdValue(Int(budget))
        w.endKey()
        w.key(.programme)
        programmeName(programme)
        w.endKey()
        w.fB(.applicantId, mid[applicant])
        fPerson(p)
        w.fB(.period, period)
        let amount = 10_000 * r.range(5, 20)
        w.fInt(.amountFen, amount)
        w.end()
        guard w.count > written else { return nil }  // past the event limit: dropped
        plantedPersons.insert(persons[p].num)
        plantedClaims.append(PlantedClaim(claimNumber: number, kind: kind, complete: complete))
        return (number, amount)
    }

    /// Approves and pays a planted claim whose person has withdrawn (the generator's own
    /// approvals and payments never do).
    func payPlanted(_ index: Int) {
        let payment = pendingPayments[index]
        let amount = min(payment.amount, budgets[payment.budget].amount - budgets[payment.budget].approved)
        guard amount > 0 else { return }
        budgets[payment.budget].approved += amount
        w.begin("SubsidyApproved", actor: mid[Int(lead)])
        w.fId(.claimId, "CL", payment.claimNumber, 8)
        w.fB(.approverId, mid[Int(lead)])
        w.fInt(.amountFen, amount)
        w.end()
        let written = w.count
        w.begin("SubsidyPaid", actor: mid[Int(lead)])
        w.fId(.claimId, "CL", payment.claimNumber, 8)
        w.fInt(.amountFen, amount)
        w.end()
        if w.count > written { plantedClaims[payment.plantedIndex].complete = true }
    }

    func monthPeriod(_ year: Int, _ month: Int) -> [UInt8] {
        Array("\(year)-\(month < 10 ? "0" : "")\(month)".utf8)
    }

    /// The planted claims of each kind that made it into the output (an event begun after the
    /// event limit is dropped, so the last few may not have).
    func plantedSummary() -> [(SuspicionKind, Int)] {
        SuspicionKind.allCases.map { kind in (kind, plantedClaims.filter { $0.kind == kind && $0.complete }.count) }
    }
}
