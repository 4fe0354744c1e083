import Domain
import Testing

/// A chartered consortium to test rules against: lead government `gov`, association
/// `assoc`, schools `school-1` and `school-2`, enterprises `ent-1`…`ent-3`, agreement `A1`
/// (school-1 with ent-1, 2025-01-01…2026-12-31), class `C1` under it (2 places) and an
/// apprenticeship budget `B1` of 1,000,000 fen. Events happen on 2025-03-01 unless told.
struct Fixture {
    static let day = date(2025, 3, 1)
    var state = InMemoryRuleStateStore()
    let engine = RuleEngine()

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: day) ?? LocalDate(daysSince1970: 0)
    }

    /// Only the charter, nothing else.
    static func charterOnly() throws -> Fixture {
        var fixture = Fixture()
        try fixture.record(
            .consortiumChartered(
                ConsortiumChartered(consortiumId: "SZ", name: "苏州市域产教联合体", region: "苏州", leadMemberId: "gov")),
            by: "gov")
        return fixture
    }

    static func standard() throws -> Fixture {
        var fixture = try charterOnly()
        try fixture.admit("gov", .government)
        try fixture.admit("assoc", .association)
        try fixture.admit("school-1", .school)
        try fixture.admit("school-2", .school)
        try fixture.admit("ent-1", .enterprise)
        try fixture.admit("ent-2", .enterprise)
        try fixture.admit("ent-3", .enterprise)
        try fixture.record(sign("A1", school: "school-1", enterprise: "ent-1"), by: "school-1")
        try fixture.record(
            .orderClassOpened(
                OrderClassOpened(classId: "C1", agreementId: "A1", major: "数控技术", capacity: 2, intakeYear: 2025)),
            by: "ent-1")
        try fixture.record(
            .budgetAllocated(
                BudgetAllocated(
                    budgetId: "B1", programme: .apprenticeship, year: 2025, amountFen: 1_000_000, source: "市财政")),
            by: "gov")
        return fixture
    }

    mutating func record(_ event: DomainEvent, by actor: String, on date: LocalDate = Fixture.day) throws(RuleViolation)
    {
        try engine.apply(event, actor: actor, occurredOn: date, to: &state)
    }

    mutating func admit(_ id: String, _ kind: MemberKind) throws(RuleViolation) {
        try record(.memberAdmitted(MemberAdmitted(memberId: id, name: "member \(id)", kind: kind)), by: "gov")
    }

    /// Records `event`, expects it rejected with `code` on `field`, and expects the rule state
    /// byte-for-byte unchanged. Returns the violation for message checks.
    @discardableResult
    mutating func expectRejected(
        _ event: DomainEvent, by actor: String, on date: LocalDate = Fixture.day,
        _ code: RuleViolation.Code, field: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> RuleViolation? {
        let before = state.entries
        var violation: RuleViolation?
        do {
            try record(event, by: actor, on: date)
            Issue.record("\(event.typeName) by \(actor) was accepted; expected \(code)", sourceLocation: sourceLocation)
        } catch {
            violation = error
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        }
        #expect(state.entries == before, "a rejected event changed the rule state", sourceLocation: sourceLocation)
        return violation
    }

    // MARK: Event makers for the common cases.

    static func sign(
        _ id: String, school: String, enterprise: String,
        from start: LocalDate = date(2025, 1, 1), to end: LocalDate = date(2026, 12, 31)
    ) -> DomainEvent {
        .agreementSigned(
            AgreementSigned(
                agreementId: id, schoolId: school, enterpriseId: enterprise, kind: .orderClass, startsOn: start,
                endsOn: end))
    }

    static func enrol(_ person: String, in classId: String = "C1", on day: LocalDate = Fixture.day) -> DomainEvent {
        .apprenticeEnrolled(ApprenticeEnrolled(personId: person, classId: classId, enrolledOn: day))
    }

    static func claim(
        _ id: String, applicant: String = "ent-1", person: String? = "p1", period: String = "2025",
        amount: Int64 = 600_000,
        budget: String = "B1", programme: SubsidyProgramme = .apprenticeship
    ) -> DomainEvent {
        .subsidyApplied(
            SubsidyApplied(
                claimId: id, budgetId: budget, programme: programme, applicantId: applicant, personId: person,
                period: period, amountFen: amount))
    }

    static func approve(_ claim: String, by approver: String = "assoc", _ amount: Int64) -> DomainEvent {
        .subsidyApproved(SubsidyApproved(claimId: claim, approverId: approver, amountFen: amount))
    }

    static func pay(_ claim: String, _ amount: Int64, advance: Bool? = nil) -> DomainEvent {
        .subsidyPaid(SubsidyPaid(claimId: claim, amountFen: amount, advance: advance))
    }

    static func assess(_ person: String, passed: Bool = true) -> DomainEvent {
        .apprenticeAssessed(ApprenticeAssessed(personId: person, assessment: "中级工考核", passed: passed))
    }

    /// A fixture with p1 enrolled in C1 and claim `K1` (600,000 fen by ent-1 for p1) applied.
    static func withClaim() throws -> Fixture {
        var fixture = try standard()
        try fixture.record(enrol("p1"), by: "school-1")
        try fixture.record(claim("K1"), by: "ent-1")
        return fixture
    }
}
