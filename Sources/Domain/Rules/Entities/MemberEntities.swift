/// The charter: who leads (acts as secretariat). Stored once under ``RuleKey/consortium``.
struct ConsortiumEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.consortium
    var consortiumId: String
    var leadMemberId: String

    func encode(into writer: inout BinaryWriter) {
        writer.write(consortiumId)
        writer.write(leadMemberId)
    }

    init(consortiumId: String, leadMemberId: String) {
        self.consortiumId = consortiumId
        self.leadMemberId = leadMemberId
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        consortiumId = try reader.read()
        leadMemberId = try reader.read()
    }
}

/// A member: two bytes of flags and kind, read for the actor of every event.
///
/// The lead gets its record at the charter (kind unknown, not yet admitted) so that checking
/// any actor, the lead included, costs one read.
struct MemberEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.member
    static let admittedFlag: UInt8 = 1
    static let withdrawnFlag: UInt8 = 2
    static let leadFlag: UInt8 = 4
    static let certifiedFlag: UInt8 = 8

    var flags: UInt8
    var kind: MemberKind?

    init(flags: UInt8, kind: MemberKind?) {
        self.flags = flags
        self.kind = kind
    }

    var isAdmitted: Bool { flags & Self.admittedFlag != 0 }
    var isWithdrawn: Bool { flags & Self.withdrawnFlag != 0 }
    var isLead: Bool { flags & Self.leadFlag != 0 }
    var isSecretariat: Bool { isLead || (kind?.isSecretariat ?? false) }

    func with(_ flag: UInt8) -> MemberEntity { MemberEntity(flags: flags | flag, kind: kind) }

    func encode(into writer: inout BinaryWriter) {
        writer.writeRaw(CollectionOfOne(flags))
        writer.write(kind)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        flags = try reader.readByte()
        kind = try reader.read()
    }
}

/// One registered Ed25519 key of a member, under (memberId, keyId).
struct MemberKeyEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.memberKey
    static let keySize = 32
    var publicKey: [UInt8]
    var revoked: Bool

    init(publicKey: [UInt8], revoked: Bool) {
        self.publicKey = publicKey
        self.revoked = revoked
    }

    func encode(into writer: inout BinaryWriter) {
        writer.writeRaw(publicKey)
        writer.write(revoked)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        var key: [UInt8] = []
        key.reserveCapacity(Self.keySize)
        for _ in 0..<Self.keySize { key.append(try reader.readByte()) }
        publicKey = key
        revoked = try reader.read()
    }
}
