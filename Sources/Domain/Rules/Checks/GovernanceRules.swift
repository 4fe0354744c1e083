// Charter, membership and council events.

extension RuleEngine {
    /// First event, exactly once, by its own lead. The lead gets a member record now (kind
    /// unknown) so it can act as secretariat before its own `MemberAdmitted`.
    func charter(_ e: ConsortiumChartered, actor: String, in s: RuleReader) throws(RuleViolation) -> RuleWrites {
        if let existing = try s.load(ConsortiumEntity.self, key: RuleKey.consortium) {
            throw RuleViolation(
                .chartering, field: "type",
                "the consortium is already chartered (\(existing.consortiumId), lead \(existing.leadMemberId)); ConsortiumChartered happens once"
            )
        }
        guard actor == e.leadMemberId else {
            throw RuleViolation(
                .chartering, field: "actor",
                "ConsortiumChartered must be recorded by its lead member \(e.leadMemberId), not by \(actor)")
        }
        var writes = RuleWrites()
        writes.put(
            RuleKey.consortium, ConsortiumEntity(consortiumId: e.consortiumId, leadMemberId: e.leadMemberId))
        writes.put(MemberEntity(flags: MemberEntity.leadFlag, kind: nil), e.leadMemberId)
        return writes
    }

    /// Member ids are never reused: a withdrawn member that returns is admitted under a new
    /// id. The lead's own admission fills in its kind. Two active members never share a credit
    /// code; a withdrawn member's code may be taken by a new admission (it re-joins under a new id).
    func admit(_ e: MemberAdmitted, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        var flags = MemberEntity.admittedFlag
        if let existing = try s.load(MemberEntity.self, e.memberId) {
            guard existing.isLead, !existing.isAdmitted else {
                throw .duplicate("member", e.memberId, field: "data.memberId")
            }
            flags |= MemberEntity.leadFlag
        }
        var writes = RuleWrites.one(MemberEntity(flags: flags, kind: e.kind), e.memberId)
        if let code = e.creditCode {
            let key = RuleKey.make(.creditCode, code)
            if let holder = try s.bytes(key).map({ String(decoding: $0, as: UTF8.self) }),
                let member = try s.load(MemberEntity.self, holder), !member.isWithdrawn
            {
                throw RuleViolation(
                    .duplicateCreditCode, field: "data.creditCode",
                    "credit code \(code) already belongs to active member \(holder); two active members never share one"
                )
            }
            writes.put(key, Array(e.memberId.utf8))
        }
        return writes
    }

    /// The lead cannot withdraw: the consortium would be left without its secretariat.
    func withdraw(_ e: MemberWithdrawn, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        let member = try s.require(MemberEntity.self, e.memberId, "member", field: "data.memberId")
        if member.isWithdrawn {
            throw RuleViolation(.inactiveMember, field: "data.memberId", "member \(e.memberId) has already withdrawn")
        }
        if member.isLead {
            throw RuleViolation(
                .notPermitted, field: "data.memberId",
                "member \(e.memberId) leads the consortium and acts as its secretariat; the lead cannot withdraw")
        }
        return .one(member.with(MemberEntity.withdrawnFlag), e.memberId)
    }

    /// Only an active enterprise is certified; a later certification (a higher level) is fine.
    func certify(_ e: EnterpriseCertified, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        _ = try s.activeMember(e.memberId, kind: .enterprise, field: "data.memberId", actor: actor)
        return .none
    }

    func resolve(_ e: CouncilResolutionPassed, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites
    {
        let key = RuleKey.make(.resolution, e.resolutionId)
        if try s.has(key) { throw .duplicate("resolution", e.resolutionId, field: "data.resolutionId") }
        var writes = RuleWrites()
        writes.put(key, [])
        return writes
    }

    /// Setting a target again for the same year and metric replaces it: no uniqueness rule.
    func setTarget(_ e: KPITargetSet, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        if let memberId = e.memberId { try s.existingMember(memberId, field: "data.memberId") }
        return .none
    }
}
