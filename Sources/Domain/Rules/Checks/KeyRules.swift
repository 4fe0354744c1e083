// Member signing keys (docs/DESIGN.md, Guarantees: member signatures).

extension RuleEngine {
    /// The key must be canonical base64 of 32 bytes and new for this member; a withdrawn
    /// member registers no keys. Keys are per member: the same key under two members is two
    /// registrations.
    func register(_ e: MemberKeyRegistered, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        _ = try s.activeMember(e.memberId, field: "data.memberId", actor: actor)
        guard let raw = MemberKeyId.publicKey(fromBase64: e.publicKey) else {
            throw RuleViolation(
                .invalidKey, field: "data.publicKey",
                "publicKey must be the standard base64 of a raw 32-byte Ed25519 public key (44 characters ending in '=')"
            )
        }
        let keyId = MemberKeyId.derive(publicKey: raw)
        let key = RuleKey.memberKey(memberId: e.memberId, keyId: keyId)
        if try s.has(key) {
            throw RuleViolation(
                .duplicateId, field: "data.publicKey",
                "member \(e.memberId) already registered this key (key id \(keyId))")
        }
        var writes = RuleWrites()
        writes.put(key, MemberKeyEntity(publicKey: raw, revoked: false))
        return writes
    }

    /// Revoking needs a registered, unrevoked key of that member; a withdrawn member's keys
    /// can still be revoked.
    func revoke(_ e: MemberKeyRevoked, _ actor: RuleActor, _ s: RuleReader) throws(RuleViolation) -> RuleWrites {
        try s.existingMember(e.memberId, field: "data.memberId")
        let key = RuleKey.memberKey(memberId: e.memberId, keyId: e.keyId)
        guard var entity = try s.load(MemberKeyEntity.self, key: key) else {
            throw RuleViolation(
                .unknownReference, field: "data.keyId", "member \(e.memberId) has no registered key \(e.keyId)")
        }
        if entity.revoked {
            throw RuleViolation(
                .alreadyRecorded, field: "data.keyId", "key \(e.keyId) of member \(e.memberId) is already revoked")
        }
        entity.revoked = true
        var writes = RuleWrites()
        writes.put(key, entity)
        return writes
    }
}
