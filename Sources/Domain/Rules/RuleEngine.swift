/// The business rules of docs/DOMAIN.md (Order and actors; Rules an append enforces),
/// checked for each event before it is appended, against a persistent rule state.
///
/// Pure and stateless: all memory lives in the ``RuleStateStore`` passed in, so the ledger
/// can keep it in the append's own LMDB write transaction and the audit can rebuild it
/// in memory by replaying from genesis.
///
/// Dates: `occurredOn` is the calendar date of the event's envelope `occurredAt`
/// (business time; pass `ImportLine.occurredAt.localDate`, the date in the offset written). Every "on that date" question — is the agreement active for this
/// enrolment or class, from which day is a terminated agreement over — uses it, not the
/// recording time and not payload dates such as `enrolledOn`, so a back-dated event is
/// judged by what was true when it happened.
public struct RuleEngine: Sendable {
    public init() {}

    /// Checks `event` and, only if every rule holds, records its effect in `state`.
    ///
    /// All reads and checks happen first; the writes follow only when nothing was violated,
    /// so a rejected event leaves `state` exactly as it was, whatever the store. (A store
    /// that fails half-way through the writes throws ``RuleViolation/Code/storeFailure``;
    /// the ledger then aborts its transaction.)
    public func apply(
        _ event: DomainEvent, actor: String, occurredOn: LocalDate, to state: inout some RuleStateStore
    ) throws(RuleViolation) {
        let writes = try decide(event, actor: actor, occurredOn: occurredOn, in: RuleReader(state))
        for item in writes.items {
            do {
                try state.put(item.key, record: item.record)
            } catch {
                throw RuleViolation(
                    .storeFailure, field: "state", "the rule state could not be written: \(error)", underlying: error)
            }
        }
    }

    /// Checks `event` as ``apply(_:actor:occurredOn:to:)`` would, and writes nothing:
    /// "would this be accepted now?"
    public func validate(
        _ event: DomainEvent, actor: String, occurredOn: LocalDate, in state: some RuleStateStore
    ) throws(RuleViolation) {
        _ = try decide(event, actor: actor, occurredOn: occurredOn, in: RuleReader(state))
    }

    func decide(
        _ event: DomainEvent, actor actorId: String, occurredOn date: LocalDate, in s: RuleReader
    ) throws(RuleViolation) -> RuleWrites {
        if case .consortiumChartered(let e) = event { return try charter(e, actor: actorId, in: s) }
        let actor = try resolveActor(actorId, event: event, in: s)
        switch event {
        case .consortiumChartered: return .none  // handled above
        case .memberAdmitted(let e): return try admit(e, actor, s)
        case .memberWithdrawn(let e): return try withdraw(e, actor, s)
        case .enterpriseCertified(let e): return try certify(e, actor, s)
        case .councilResolutionPassed(let e): return try resolve(e, actor, s)
        case .kpiTargetSet(let e): return try setTarget(e, actor, s)
        case .agreementSigned(let e): return try sign(e, actor, s)
        case .agreementAmended(let e): return try amend(e, actor, s)
        case .agreementTerminated(let e): return try terminate(e, actor, date, s)
        case .demandListPublished(let e): return try publish(e, actor, s)
        case .orderClassOpened(let e): return try open(e, actor, date, s)
        case .apprenticeEnrolled(let e): return try enrol(e, actor, date, s)
        case .mentorAssigned(let e): return try assignMentor(e, actor, s)
        case .internshipPlaced(let e): return try place(e, actor, s)
        case .apprenticeAssessed(let e): return try assess(e, actor, s)
        case .certificateAwarded(let e): return try award(e, actor, s)
        case .apprenticeWithdrawn(let e): return try withdraw(e, actor, s)
        case .apprenticeGraduated(let e): return try graduate(e, actor, s)
        case .graduateHired(let e): return try hire(e, actor, s)
        case .employmentVerified(let e): return try verify(e, actor, s)
        case .platformCreated(let e): return try create(e, actor, s)
        case .contributionRecorded(let e): return try contribute(e, actor, s)
        case .platformAccepted(let e): return try decidePlatform(e.platformId, accept: true, actor, s)
        case .platformRejected(let e): return try decidePlatform(e.platformId, accept: false, actor, s)
        case .projectCreated(let e): return try create(e, actor, s)
        case .milestoneReported(let e): return try report(e, actor, s)
        case .projectClosed(let e): return try close(e, actor, s)
        case .budgetAllocated(let e): return try allocate(e, actor, s)
        case .subsidyApplied(let e): return try applyFor(e, actor, s)
        case .subsidyApproved(let e): return try approve(e, actor, s)
        case .subsidyPaid(let e): return try pay(e, actor, s)
        case .subsidyClawedBack(let e): return try clawBack(e, actor, s)
        case .trainingDelivered(let e): return try deliver(e, actor, s)
        case .techServiceDelivered(let e): return try deliver(e, actor, s)
        case .memberKeyRegistered(let e): return try register(e, actor, s)
        case .memberKeyRevoked(let e): return try revoke(e, actor, s)
        }
    }

    /// The actor must be the lead or an admitted, not withdrawn member, and its kind must
    /// allow the event type at all.
    private func resolveActor(_ id: String, event: DomainEvent, in s: RuleReader) throws(RuleViolation) -> RuleActor {
        let typeName = event.typeName
        guard let member = try s.load(MemberEntity.self, id) else {
            if try !s.has(RuleKey.consortium) {
                throw RuleViolation(
                    .chartering, field: "type",
                    "the ledger has no ConsortiumChartered yet: it must be the first event, recorded by the lead member"
                )
            }
            throw RuleViolation(.unknownReference, field: "actor", "actor \(id) is not a member of the consortium")
        }
        if member.isWithdrawn {
            throw RuleViolation(
                .inactiveMember, field: "actor", "actor \(id) has withdrawn from the consortium and may record nothing")
        }
        let actor = RuleActor(id: id, member: member, typeName: typeName)
        if !Self.mayRecord(event, kind: member.kind, isLead: member.isLead) {
            if event.recordingRight == .secretariat { throw .secretariatOnly(actor: id, type: typeName) }
            let kind = member.kind?.withArticle ?? "a member not yet admitted"
            throw RuleViolation(
                .notPermitted, field: "actor",
                "actor \(id) may not record \(typeName): \(kind) never does; the secretariat may record it")
        }
        return actor
    }
}
