/// What the rule state knows about a member, for the audit's signature and permission checks
/// and for tools.
public struct MemberStatus: Sendable, Equatable {
    /// `nil` only for the lead between the charter and its own `MemberAdmitted`.
    public var kind: MemberKind?
    /// Admitted (or the lead) and not withdrawn: may record events and sign.
    public var isActive: Bool
    public var isLead: Bool
    /// The lead, or a government, park or association member.
    public var isSecretariat: Bool

    public init(kind: MemberKind?, isActive: Bool, isLead: Bool, isSecretariat: Bool) {
        self.kind = kind
        self.isActive = isActive
        self.isLead = isLead
        self.isSecretariat = isSecretariat
    }
}

extension RuleEngine {
    /// The member `id` as of the state given, or `nil` if it was never admitted (nor chartered
    /// as lead).
    public func member(_ id: String, in state: some RuleStateStore) throws(RuleViolation) -> MemberStatus? {
        guard let member = try RuleReader(state).load(MemberEntity.self, id) else { return nil }
        return MemberStatus(
            kind: member.kind, isActive: !member.isWithdrawn, isLead: member.isLead, isSecretariat: member.isSecretariat
        )
    }

    /// The registered key `keyId` of `memberId` (see ``MemberKeyId``), or `nil` if that member
    /// never registered it. A revoked key stays listed, so signatures made before the
    /// revocation can still be checked by replaying up to their sequence.
    public func memberKey(
        memberId: String, keyId: String, in state: some RuleStateStore
    ) throws(RuleViolation) -> (publicKey: [UInt8], revoked: Bool)? {
        let key = RuleKey.memberKey(memberId: memberId, keyId: keyId)
        guard let entity = try RuleReader(state).load(MemberKeyEntity.self, key: key) else { return nil }
        return (entity.publicKey, entity.revoked)
    }

    /// The charter's lead member, or `nil` before `ConsortiumChartered`.
    public func leadMemberId(in state: some RuleStateStore) throws(RuleViolation) -> String? {
        try RuleReader(state).load(ConsortiumEntity.self, key: RuleKey.consortium)?.leadMemberId
    }
}
