// Apprentices: enrolment, mentors, placements, assessment and the end of an apprenticeship.

extension RuleEngine {
    /// Needs the class's agreement active on the event's date (see ``RuleEngine``), a free
    /// place, and the person in no other class. A person who withdrew or graduated may enrol
    /// again; their assessment and hire are kept.
    func enrol(
        _ e: ApprenticeEnrolled, _ actor: RuleActor, _ date: LocalDate, _ s: RuleReader
    ) throws(RuleViolation) -> RuleWrites {
        var orderClass = try s.require(ClassEntity.self, e.classId, "class", field: "data.classId")
        let agreement = try s.require(AgreementEntity.self, orderClass.agreementId, "agreement", field: "data.classId")
        try actor.mustBeConcerned(
            agreement.isParty(actor.id),
            "it is not a party to agreement \(orderClass.agreementId) of class \(e.classId)")
        try Self.requireActive(agreement, orderClass.agreementId, on: date, field: "data.classId")
        let previous = try s.load(PersonEntity.self, e.personId)
        if let previous, previous.stage == .enrolled {
            throw RuleViolation(
                .alreadyEnrolled, field: "data.personId",
                "person \(e.personId) is already in class \(previous.classId); record their withdrawal or graduation first"
            )
        }
        guard orderClass.occupied < orderClass.capacity else {
            throw RuleViolation(
                .classFull, field: "data.classId",
                "class \(e.classId) is full (\(orderClass.occupied) of \(orderClass.capacity) places)")
        }
        orderClass.occupied += 1
        let person = PersonEntity(
            classId: e.classId, schoolId: agreement.schoolId, enterpriseId: agreement.enterpriseId, stage: .enrolled,
            assessed: previous?.assessed ?? false, hiredBy: previous?.hiredBy)
        var writes = RuleWrites.one(orderClass, e.classId)
        writes.put(person, e.personId)
        return writes
    }

    func assignMentor(_ e: MentorAssigned, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        let person = try apprentice(e.personId, actor, s)
        try Self.requireStage(person, e.personId, [.enrolled], "get a mentor")
        return .none
    }

    /// Recorded by the placing enterprise or by a party to the apprentice's agreement.
    func place(_ e: InternshipPlaced, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        let person = try apprentice(e.personId, actor, s, alsoAllowed: e.enterpriseId)
        _ = try s.activeMember(e.enterpriseId, kind: .enterprise, field: "data.enterpriseId", actor: actor)
        try Self.requireStage(person, e.personId, [.enrolled], "be placed")
        try Self.requireOrdered(e.startsOn, e.endsOn, field: "data.endsOn", what: "the internship of \(e.personId)")
        return .none
    }

    /// Any assessment, passed or failed, marks the apprentice assessed (lifting the advance cap).
    func assess(_ e: ApprenticeAssessed, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var person = try apprentice(e.personId, actor, s)
        try Self.requireStage(person, e.personId, [.enrolled, .graduated], "be assessed")
        if person.assessed { return .none }
        person.assessed = true
        return .one(person, e.personId)
    }

    func award(_ e: CertificateAwarded, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        let person = try apprentice(e.personId, actor, s)
        try Self.requireStage(person, e.personId, [.enrolled, .graduated], "receive a certificate")
        return .none
    }

    /// Frees the apprentice's place in the class.
    func withdraw(_ e: ApprenticeWithdrawn, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var person = try apprentice(e.personId, actor, s)
        try Self.requireStage(person, e.personId, [.enrolled], "withdraw")
        var orderClass = try s.require(ClassEntity.self, person.classId, "class", field: "data.personId")
        orderClass.occupied = max(0, orderClass.occupied - 1)
        person.stage = .withdrawn
        var writes = RuleWrites.one(person, e.personId)
        writes.put(orderClass, person.classId)
        return writes
    }

    /// The graduate keeps their place: a class's fill counts its intake, not who is left.
    func graduate(_ e: ApprenticeGraduated, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var person = try apprentice(e.personId, actor, s)
        try Self.requireStage(person, e.personId, [.enrolled], "graduate")
        person.stage = .graduated
        return .one(person, e.personId)
    }

    /// Only graduates are hired; a later hire (a change of employer) replaces the earlier one.
    func hire(_ e: GraduateHired, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var person = try apprentice(e.personId, actor, s, alsoAllowed: e.enterpriseId)
        _ = try s.activeMember(e.enterpriseId, kind: .enterprise, field: "data.enterpriseId", actor: actor)
        try Self.requireStage(person, e.personId, [.graduated], "be hired")
        if person.hiredBy == e.enterpriseId { return .none }
        person.hiredBy = e.enterpriseId
        return .one(person, e.personId)
    }

    /// Only the enterprise that hired the graduate (latest `GraduateHired`) verifies employment.
    func verify(_ e: EmploymentVerified, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        let person = try apprentice(e.personId, actor, s, alsoAllowed: e.enterpriseId)
        _ = try s.activeMember(e.enterpriseId, kind: .enterprise, field: "data.enterpriseId", actor: actor)
        guard person.hiredBy == e.enterpriseId else {
            let hired = person.hiredBy.map { "was hired by \($0)" } ?? "has no GraduateHired"
            throw RuleViolation(
                .wrongStage, field: "data.enterpriseId",
                "graduate \(e.personId) \(hired), so \(e.enterpriseId) cannot verify their employment")
        }
        return .none
    }

    /// The person record, after checking the actor is a party to the apprentice's agreement
    /// (or `alsoAllowed`, the enterprise an event is about).
    private func apprentice(
        _ personId: String, _ actor: RuleActor, _ s: RuleReader, alsoAllowed: String? = nil
    ) throws(RuleViolation) -> PersonEntity {
        let person = try s.require(PersonEntity.self, personId, "apprentice", field: "data.personId")
        try actor.mustBeConcerned(
            person.isParty(actor.id) || actor.id == alsoAllowed,
            "apprentice \(personId) is under an agreement between \(person.schoolId) and \(person.enterpriseId)")
        return person
    }

    private static func requireStage(
        _ person: PersonEntity, _ id: String, _ allowed: [PersonEntity.Stage], _ action: String
    ) throws(RuleViolation) {
        if allowed.contains(person.stage) { return }
        let stage: String
        switch person.stage {
        case .enrolled: stage = "is still enrolled in class \(person.classId) (not graduated)"
        case .withdrawn: stage = "has withdrawn from class \(person.classId)"
        case .graduated: stage = "has already graduated from class \(person.classId)"
        }
        throw RuleViolation(.wrongStage, field: "data.personId", "apprentice \(id) \(stage) and cannot \(action)")
    }
}
