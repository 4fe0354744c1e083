// Agreements, demand lists and order classes.

extension RuleEngine {
    /// One active school and one active enterprise; the term must not end before it starts.
    /// Non-secretariat actors must be one of the two parties.
    func sign(_ e: AgreementSigned, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(
            actor.id == e.schoolId || actor.id == e.enterpriseId,
            "it is not a party to agreement \(e.agreementId) (school \(e.schoolId), enterprise \(e.enterpriseId))")
        try s.requireNew(AgreementEntity.self, e.agreementId, "agreement", field: "data.agreementId")
        _ = try s.activeMember(e.schoolId, kind: .school, field: "data.schoolId", actor: actor)
        _ = try s.activeMember(e.enterpriseId, kind: .enterprise, field: "data.enterpriseId", actor: actor)
        try Self.requireOrdered(e.startsOn, e.endsOn, field: "data.endsOn", what: "agreement \(e.agreementId)")
        let agreement = AgreementEntity(
            schoolId: e.schoolId, enterpriseId: e.enterpriseId, startsOn: e.startsOn, endsOn: e.endsOn)
        return .one(agreement, e.agreementId)
    }

    /// A terminated agreement is not amended; a lapsed one may be (an extension after the fact).
    /// `places` is informational: class capacity is what enrolment checks.
    func amend(_ e: AgreementAmended, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var agreement = try s.require(AgreementEntity.self, e.agreementId, "agreement", field: "data.agreementId")
        try actor.mustBeConcerned(agreement.isParty(actor.id), "it is not a party to agreement \(e.agreementId)")
        if let terminatedOn = agreement.terminatedOn {
            throw RuleViolation(
                .agreementNotActive, field: "data.agreementId",
                "agreement \(e.agreementId) was terminated on \(terminatedOn) and can no longer be amended")
        }
        guard let endsOn = e.endsOn, endsOn != agreement.endsOn else { return .none }
        try Self.requireOrdered(agreement.startsOn, endsOn, field: "data.endsOn", what: "agreement \(e.agreementId)")
        agreement.endsOn = endsOn
        return .one(agreement, e.agreementId)
    }

    /// The agreement is over from the termination's occurredAt date on.
    func terminate(
        _ e: AgreementTerminated, _ actor: RuleActor, _ date: LocalDate, _ s: RuleReader
    ) throws(RuleViolation) -> RuleWrites {
        var agreement = try s.require(AgreementEntity.self, e.agreementId, "agreement", field: "data.agreementId")
        try actor.mustBeConcerned(agreement.isParty(actor.id), "it is not a party to agreement \(e.agreementId)")
        if let terminatedOn = agreement.terminatedOn {
            throw RuleViolation(
                .alreadyRecorded, field: "data.agreementId",
                "agreement \(e.agreementId) was already terminated on \(terminatedOn)")
        }
        agreement.terminatedOn = date
        return .one(agreement, e.agreementId)
    }

    func publish(_ e: DemandListPublished, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try actor.mustBeConcerned(actor.id == e.enterpriseId, "an enterprise publishes only its own demand lists")
        let key = RuleKey.make(.demandList, e.listId)
        if try s.has(key) { throw .duplicate("demand list", e.listId, field: "data.listId") }
        _ = try s.activeMember(e.enterpriseId, kind: .enterprise, field: "data.enterpriseId", actor: actor)
        var writes = RuleWrites()
        writes.put(key, [])
        return writes
    }

    /// A class opens under an agreement active on the event's date. Capacity is not checked
    /// against the agreement's `places` (classes of several intakes may share one agreement).
    func open(
        _ e: OrderClassOpened, _ actor: RuleActor, _ date: LocalDate, _ s: RuleReader
    ) throws(RuleViolation) -> RuleWrites {
        try s.requireNew(ClassEntity.self, e.classId, "class", field: "data.classId")
        let agreement = try s.require(AgreementEntity.self, e.agreementId, "agreement", field: "data.agreementId")
        try actor.mustBeConcerned(agreement.isParty(actor.id), "it is not a party to agreement \(e.agreementId)")
        try Self.requireActive(agreement, e.agreementId, on: date, field: "data.agreementId")
        return .one(ClassEntity(agreementId: e.agreementId, capacity: e.capacity, occupied: 0), e.classId)
    }

    static func requireOrdered(_ start: LocalDate, _ end: LocalDate, field: String, what: String) throws(RuleViolation)
    {
        if end < start {
            throw RuleViolation(
                .invalidDates, field: field, "\(what) would end on \(end), before it starts on \(start)")
        }
    }

    static func requireActive(_ agreement: AgreementEntity, _ id: String, on date: LocalDate, field: String)
        throws(RuleViolation)
    {
        if agreement.isActive(on: date) { return }
        let why: String
        if let terminatedOn = agreement.terminatedOn, date >= terminatedOn {
            why = "it was terminated on \(terminatedOn)"
        } else {
            why = "its term is \(agreement.startsOn) to \(agreement.endsOn)"
        }
        throw RuleViolation(.agreementNotActive, field: field, "agreement \(id) is not active on \(date): \(why)")
    }
}
