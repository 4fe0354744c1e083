import Domain

/// The checks of docs/DOMAIN.md (Claims), each against the evidence the ledger holds.
enum ClaimChecks {
    static func flags(of claim: ClaimRecord, store: some ProjectionStore) throws -> [ClaimFlag] {
        let period = ClaimPeriod(claim.period, appliedOn: claim.appliedOn)
        let periodText =
            period.understood
            ? "period \(claim.period)" : "the application day (period \"\(claim.period)\" is not a date range)"
        let evidence =
            try claim.personId.flatMap { try store.get(KeyBytes.make(ClaimsLayout.person, $0)) }
            .map(PersonEvidence.init) ?? PersonEvidence()
        let person = claim.personId ?? "no person"
        var flags: [ClaimFlag] = []

        if claim.programme == .apprenticeship || claim.programme == .internship {
            let enrolled = evidence.enrolments.indices.contains { index in
                let enrolment = evidence.enrolments[index]
                guard enrolment.schoolId == claim.applicantId || enrolment.enterpriseId == claim.applicantId else {
                    return false
                }
                let span = evidence.span(of: index)
                return period.overlaps(from: span.from, to: span.to)
            }
            if !enrolled {
                flags.append(
                    ClaimFlag(
                        .noEnrolment,
                        claim.personId == nil
                            ? "\(claim.programme.rawValue) claim names no person, so no enrolment backs it"
                            : "\(person) was not enrolled in a class under an agreement of \(claim.applicantId) during \(periodText)"
                    ))
            }
        }
        if claim.programme == .internship {
            let placed = evidence.placements.contains { period.overlaps(from: $0.startsOn, to: $0.endsOn) }
            if !placed {
                flags.append(ClaimFlag(.noPlacement, "no internship placement of \(person) overlaps \(periodText)"))
            }
        }
        if claim.programme == .employment || claim.programme == .socialInsurance {
            if !evidence.hiredBy.contains(claim.applicantId) {
                flags.append(ClaimFlag(.notHired, "\(person) was never hired by \(claim.applicantId)"))
            }
        }
        if let withdrawnOn = evidence.withdrawnOn {
            if period.first > withdrawnOn {
                flags.append(ClaimFlag(.withdrawn, "\(person) withdrew on \(withdrawnOn), before \(periodText) began"))
            }
            if let paidOn = claim.lastPaidOn, paidOn > withdrawnOn {
                flags.append(
                    ClaimFlag(.paidAfterWithdrawal, "paid on \(paidOn), after \(person) withdrew on \(withdrawnOn)"))
            }
        }
        if let personId = claim.personId,
            let programmes = try store.get(
                ClaimsLayout.slotKey(applicantId: claim.applicantId, personId: personId, period: claim.period)),
            programmes.count > 1
        {
            let names = programmes.compactMap {
                Int($0) < ClaimsLayout.programmes.count ? ClaimsLayout.programmes[Int($0)].rawValue : nil
            }
            flags.append(
                ClaimFlag(
                    .duplicatePersonPeriod,
                    "\(claim.applicantId) claimed \(personId) for period \(claim.period) under \(names.joined(separator: " and "))"
                ))
        }
        return flags
    }
}
