// Budgets and subsidy claims: clawed back ≤ paid ≤ approved ≤ applied, all cumulative and gross.

extension RuleEngine {
    func allocate(_ e: BudgetAllocated, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try s.requireNew(BudgetEntity.self, e.budgetId, "budget", field: "data.budgetId")
        if e.amountFen <= 0 { throw .positive(e.amountFen, field: "data.amountFen") }
        return .one(BudgetEntity(programme: e.programme, amountFen: e.amountFen, approvedFen: 0), e.budgetId)
    }

    /// A member applies for itself, under a budget of the same programme. With a `personId`
    /// the person must be a known apprentice and the (programme, person, period) slot free;
    /// claims without a person (e.g. a startup subsidy) have no slot.
    func applyFor(_ e: SubsidyApplied, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(actor.id == e.applicantId, "a member applies only for its own claims")
        try s.requireNew(ClaimEntity.self, e.claimId, "claim", field: "data.claimId")
        let budget = try s.require(BudgetEntity.self, e.budgetId, "budget", field: "data.budgetId")
        guard budget.programme == e.programme else {
            throw RuleViolation(
                .programmeMismatch, field: "data.programme",
                "budget \(e.budgetId) funds the \(budget.programme.rawValue) programme, not \(e.programme.rawValue)")
        }
        _ = try s.activeMember(e.applicantId, field: "data.applicantId", actor: actor)
        if e.amountFen <= 0 { throw .positive(e.amountFen, field: "data.amountFen") }
        var writes = RuleWrites()
        if let personId = e.personId {
            _ = try s.require(PersonEntity.self, personId, "apprentice", field: "data.personId")
            let slot = RuleKey.claimSlot(programme: e.programme, personId: personId, period: e.period)
            if let other = try s.bytes(slot) {
                throw RuleViolation(
                    .duplicateClaim, field: "data.personId",
                    "claim \(String(decoding: other, as: UTF8.self)) already covers \(e.programme.rawValue) "
                        + "for \(personId) in period \(e.period)")
            }
            writes.put(slot, Array(e.claimId.utf8))
        }
        writes.put(
            ClaimEntity(
                budgetId: e.budgetId, applicantId: e.applicantId, personId: e.personId, appliedFen: e.amountFen),
            e.claimId)
        return writes
    }

    /// The approver must be an active secretariat member other than the applicant; a school
    /// never approves. Approvals add up, within the claim and within its budget.
    func approve(_ e: SubsidyApproved, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var claim = try s.require(ClaimEntity.self, e.claimId, "claim", field: "data.claimId")
        if e.approverId == claim.applicantId {
            throw RuleViolation(
                .selfApproval, field: "data.approverId",
                "claim \(e.claimId) was applied for by \(e.approverId), who cannot also approve it")
        }
        let approver = try s.activeMember(e.approverId, field: "data.approverId", actor: actor)
        guard approver.isSecretariat else {
            throw RuleViolation(
                .notPermitted, field: "data.approverId",
                "member \(e.approverId) is \(approver.kind?.withArticle ?? "not yet admitted"): "
                    + "only the secretariat (government, park or association members) approves subsidies")
        }
        if e.amountFen <= 0 { throw .positive(e.amountFen, field: "data.amountFen") }
        let approved = try Self.total(claim.approvedFen, e.amountFen, within: claim.appliedFen) {
            "approving \($0) fen more on claim \(e.claimId) would exceed its applied \(claim.appliedFen) fen "
                + "(\(claim.approvedFen) already approved)"
        }
        var budget = try s.require(BudgetEntity.self, claim.budgetId, "budget", field: "data.claimId")
        let budgetApproved = try Self.total(
            budget.approvedFen, e.amountFen, within: budget.amountFen, code: .budgetExceeded
        ) {
            "approving \($0) fen would exceed budget \(claim.budgetId) of \(budget.amountFen) fen "
                + "(\(budget.approvedFen) already approved)"
        }
        claim.approvedFen = approved
        budget.approvedFen = budgetApproved
        var writes = RuleWrites.one(claim, e.claimId)
        writes.put(budget, claim.budgetId)
        return writes
    }

    /// Payments add up to at most the approved amount. Advances (`advance: true`) add up to
    /// at most half of it until the claim's apprentice has been assessed; a claim without a
    /// person keeps that cap for good (an advance is a partial payment by nature).
    func pay(_ e: SubsidyPaid, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var claim = try s.require(ClaimEntity.self, e.claimId, "claim", field: "data.claimId")
        if e.amountFen <= 0 { throw .positive(e.amountFen, field: "data.amountFen") }
        let paid = try Self.total(claim.paidFen, e.amountFen, within: claim.approvedFen) {
            "paying \($0) fen more on claim \(e.claimId) would exceed its approved \(claim.approvedFen) fen "
                + "(\(claim.paidFen) already paid)"
        }
        if e.advance == true {
            var assessed = false
            if let personId = claim.personId { assessed = try s.load(PersonEntity.self, personId)?.assessed ?? false }
            // ≤ paid, so it cannot overflow — unless the stored state is damaged; then refuse, never trap.
            let (advances, overflow) = claim.advancePaidFen.addingReportingOverflow(e.amountFen)
            if overflow {
                throw RuleViolation(
                    .amountOverflow, field: "data.amountFen",
                    "advances on claim \(e.claimId) would exceed \(Int64.max) fen, the largest sum the ledger keeps")
            }
            if !assessed && advances > claim.approvedFen - advances {  // 2 × advances > approved, overflow-free
                throw RuleViolation(
                    .advanceTooLarge, field: "data.amountFen",
                    "advances on claim \(e.claimId) would reach \(advances) fen, more than 50% of the approved "
                        + "\(claim.approvedFen) fen, before the apprentice is assessed")
            }
            claim.advancePaidFen = advances
        }
        claim.paidFen = paid
        return .one(claim, e.claimId)
    }

    func clawBack(_ e: SubsidyClawedBack, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var claim = try s.require(ClaimEntity.self, e.claimId, "claim", field: "data.claimId")
        if e.amountFen <= 0 { throw .positive(e.amountFen, field: "data.amountFen") }
        claim.clawedBackFen = try Self.total(claim.clawedBackFen, e.amountFen, within: claim.paidFen) {
            "clawing back \($0) fen more on claim \(e.claimId) would exceed the \(claim.paidFen) fen paid "
                + "(\(claim.clawedBackFen) already clawed back)"
        }
        return .one(claim, e.claimId)
    }

    /// `current + amount`, which must not exceed `limit` (nor overflow); the violation is on
    /// `data.amountFen`, the only amount a money event carries.
    private static func total(
        _ current: Int64, _ amount: Int64, within limit: Int64, code: RuleViolation.Code = .amountExceeds,
        _ message: (Int64) -> String
    ) throws(RuleViolation) -> Int64 {
        let (sum, overflow) = current.addingReportingOverflow(amount)
        if overflow {
            throw RuleViolation(
                .amountOverflow, field: "data.amountFen",
                "\(message(amount)); the sum would exceed \(Int64.max) fen, the largest the ledger keeps")
        }
        if sum > limit { throw RuleViolation(code, field: "data.amountFen", message(amount)) }
        return sum
    }
}
