/// The member that submits an event, resolved once per event, and the permission questions
/// every rule asks of it.
struct RuleActor: Sendable {
    let id: String
    let member: MemberEntity
    let typeName: String

    /// The lead and government, park or association members: they may record anything,
    /// also on a member's behalf.
    var isSecretariat: Bool { member.isSecretariat }

    /// Passes for the secretariat, and for others when the event concerns them (`concerns`);
    /// `why` says what would have made it theirs.
    func mustBeConcerned(_ concerns: Bool, _ why: @autoclosure () -> String) throws(RuleViolation) {
        if concerns || isSecretariat { return }
        throw .notConcerned(actor: id, type: typeName, why())
    }

    func mustBeSecretariat() throws(RuleViolation) {
        if !isSecretariat { throw .secretariatOnly(actor: id, type: typeName) }
    }
}

extension RuleReader {
    /// The member `id`, which must exist and not have withdrawn. Reuses the actor's record
    /// when `id` is the actor, saving a read on the common "records its own" path.
    func activeMember(_ id: String, field: String, actor: RuleActor? = nil) throws(RuleViolation) -> MemberEntity {
        let member: MemberEntity
        if let actor, actor.id == id {
            member = actor.member
        } else {
            member = try require(MemberEntity.self, id, "member", field: field)
        }
        if member.isWithdrawn { throw .withdrawn(id, field: field) }
        return member
    }

    /// An active member of the given kind (a school for `schoolId`, an enterprise for
    /// `enterpriseId` …).
    func activeMember(
        _ id: String, kind: MemberKind, field: String, actor: RuleActor? = nil
    ) throws(RuleViolation) -> MemberEntity {
        let member = try activeMember(id, field: field, actor: actor)
        guard member.kind == kind else {
            let actual = member.kind?.withArticle ?? "not yet admitted"
            throw RuleViolation(.wrongMemberKind, field: field, "member \(id) is \(actual), not \(kind.withArticle)")
        }
        return member
    }

    /// The member `id` must exist; a withdrawn one is fine (a client or recipient named
    /// in a report of work done).
    func existingMember(_ id: String, field: String) throws(RuleViolation) {
        if try !has(MemberEntity.key(id)) { throw .unknown("member", id, field: field) }
    }
}

extension MemberKind {
    /// "a school", "an enterprise": for messages.
    var withArticle: String {
        switch self {
        case .enterprise, .association: return "an " + rawValue
        default: return "a " + rawValue
        }
    }
}
