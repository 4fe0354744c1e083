/// The byte layout of rule-state keys: one kind byte, then the entity's id in UTF-8.
///
/// Composite keys (a member's key, a claim slot) length-prefix every part but the last, so
/// no id can be read as the prefix of another whatever characters it holds. Kind bytes are
/// part of the stored format: never renumber them.
enum RuleKey {
    enum Kind: UInt8 {
        case consortium = 0x01
        case member = 0x02
        case agreement = 0x03
        case orderClass = 0x04
        case person = 0x05
        case budget = 0x06
        case claim = 0x07
        case claimSlot = 0x08
        case platform = 0x09
        case project = 0x0A
        case memberKey = 0x0B
        case demandList = 0x0C
        case resolution = 0x0D
        /// A unified social credit code → the member last admitted with it.
        case creditCode = 0x0E
    }

    /// The single consortium record.
    static let consortium = ByteKey([Kind.consortium.rawValue])

    static func make(_ kind: Kind, _ id: String) -> ByteKey {
        ByteKey(tag: kind.rawValue, id)
    }

    /// `memberKey ‖ varint(len memberId) ‖ memberId ‖ keyId`.
    static func memberKey(memberId: String, keyId: String) -> ByteKey {
        var writer = BinaryWriter(capacity: 2 + memberId.utf8.count + keyId.utf8.count)
        writer.writeRaw(CollectionOfOne(Kind.memberKey.rawValue))
        writer.writeString(memberId)
        writer.writeRaw(keyId.utf8)
        return ByteKey(writer.bytes)
    }

    /// `claimSlot ‖ programme ‖ varint(len personId) ‖ personId ‖ period`: one claim per slot.
    static func claimSlot(programme: SubsidyProgramme, personId: String, period: String) -> ByteKey {
        var writer = BinaryWriter(capacity: 3 + personId.utf8.count + period.utf8.count)
        writer.writeRaw(CollectionOfOne(Kind.claimSlot.rawValue))
        writer.write(programme)
        writer.writeString(personId)
        writer.writeRaw(period.utf8)
        return ByteKey(writer.bytes)
    }
}
