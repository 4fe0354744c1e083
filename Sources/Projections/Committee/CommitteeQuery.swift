import Domain

/// Answers `ledger query committee [--school S] [--enterprise E]`.
///
/// Per pair: one counter record plus a walk over the pair's agreements. With `school`
/// only that school's pairs are walked; with both, exactly one pair is read.
public enum CommitteeQuery {
    /// Pairs in order of school id, then enterprise id; pairs exist from their first agreement.
    public static func run(
        school: String? = nil, enterprise: String? = nil, judgedOn: LocalDate, store: some ProjectionStore
    ) throws -> [CommitteePairReport] {
        var prefix: [UInt8] = [CommitteeLayout.figures]
        if let school {
            prefix.append(contentsOf: school.utf8)
            prefix.append(KeyBytes.separator)
            if let enterprise { prefix.append(contentsOf: enterprise.utf8) }
        }
        var reports: [CommitteePairReport] = []
        try store.forEach(prefix: prefix) { key, value in
            let pair = key[1...]
            let (schoolId, enterpriseId) = CommitteeLayout.split(pair: pair)
            if let school, schoolId != school { return }
            if let enterprise, enterpriseId != enterprise { return }
            reports.append(
                try report(
                    schoolId: schoolId, enterpriseId: enterpriseId, pair: Array(pair),
                    counters: CounterValues(bytes: value), judgedOn: judgedOn, store: store))
        }
        return reports
    }

    static func report(
        schoolId: String, enterpriseId: String, pair: [UInt8], counters c: CounterValues, judgedOn: LocalDate,
        store: some ProjectionStore
    ) throws -> CommitteePairReport {
        var active = 0
        var expiring = 0
        var termPrefix = CommitteeLayout.prefixed(CommitteeLayout.agreementTerm, pair)
        termPrefix.append(KeyBytes.separator)
        try store.forEachBorrowed(prefix: termPrefix) { _, value in
            let term = try AgreementTerm(raw: value)
            if term.isActive(on: judgedOn) { active += 1 }
            if term.expiresWithin90Days(of: judgedOn) { expiring += 1 }
        }
        let enrolled = c[PairSlot.enrolled]
        let assessed = c[PairSlot.assessed]
        return CommitteePairReport(
            schoolId: schoolId, enterpriseId: enterpriseId, judgedOn: judgedOn, agreementsActive: active,
            agreementsExpiringWithin90Days: expiring,
            classes: .init(capacity: c[PairSlot.capacity], enrolled: c[PairSlot.classEnrolled]),
            apprenticesByStage: .init(
                enrolled: enrolled, placed: c[PairSlot.placed], assessed: c[PairSlot.assessed],
                certified: c[PairSlot.certified], graduated: c[PairSlot.graduated], hired: c[PairSlot.hired],
                withdrawn: c[PairSlot.withdrawn]),
            dualMentorCoverage: enrolled > 0 ? Double(c[PairSlot.dualMentored]) / Double(enrolled) : nil,
            passRate: assessed > 0 ? Double(c[PairSlot.passedApprentices]) / Double(assessed) : nil,
            assessments: c[PairSlot.assessments], assessmentsPassed: c[PairSlot.passedAssessments],
            hires: c[PairSlot.hired], hiresLocal: c[PairSlot.hiredLocally],
            subsidiesPaidFen: c[PairSlot.subsidiesPaidFen])
    }
}
