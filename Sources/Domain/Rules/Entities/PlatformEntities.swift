/// A co-built platform: who belongs to it and whether it has been decided.
struct PlatformEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.platform

    enum Decision: UInt8, Sendable {
        case pending = 0
        case accepted = 1
        case rejected = 2
    }

    var memberIds: [String]
    var decision: Decision

    init(memberIds: [String], decision: Decision) {
        self.memberIds = memberIds
        self.decision = decision
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(memberIds)
        writer.writeRaw(CollectionOfOne(decision.rawValue))
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberIds = try reader.read()
        let raw = try reader.readByte()
        guard let decision = Decision(rawValue: raw) else {
            throw reader.failure(.invalidValue, "a platform decision 0…2, got \(raw)")
        }
        self.decision = decision
    }
}

/// A project: its lead, its platform, its milestones and which were reported.
struct ProjectEntity: RuleEntity, Equatable {
    static let keyKind = RuleKey.Kind.project
    var leadMemberId: String
    var platformId: String?
    var milestoneIds: [String]
    var reported: [Bool]
    var closed: Bool

    init(leadMemberId: String, platformId: String?, milestoneIds: [String], reported: [Bool], closed: Bool) {
        self.leadMemberId = leadMemberId
        self.platformId = platformId
        self.milestoneIds = milestoneIds
        self.reported = reported
        self.closed = closed
    }

    func encode(into writer: inout BinaryWriter) {
        writer.write(leadMemberId)
        writer.write(platformId)
        writer.write(milestoneIds)
        writer.write(reported)
        writer.write(closed)
    }

    init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        leadMemberId = try reader.read()
        platformId = try reader.read()
        milestoneIds = try reader.read()
        reported = try reader.read()
        closed = try reader.read()
        guard reported.count == milestoneIds.count else {
            throw reader.failure(.invalidValue, "one reported flag per milestone")
        }
    }
}
