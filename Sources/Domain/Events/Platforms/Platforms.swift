// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// Members set up a co-built platform (training base, lab, industry college …) with a planned budget.
public struct PlatformCreated: EventPayload {
    public static let typeName = "PlatformCreated"
    public static let typeCode: UInt16 = 21
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("platformId", .identifier),
        FieldSpec("kind", .enumeration(PlatformKind.self)),
        FieldSpec("name", .text),
        FieldSpec("memberIds", .array(.identifier)),
        FieldSpec("plannedBudgetFen", .fen),
    ]

    public var platformId: String
    public var kind: PlatformKind
    public var name: String
    public var memberIds: [String]
    public var plannedBudgetFen: Int64

    public init(platformId: String, kind: PlatformKind, name: String, memberIds: [String], plannedBudgetFen: Int64) {
        self.platformId = platformId
        self.kind = kind
        self.name = name
        self.memberIds = memberIds
        self.plannedBudgetFen = plannedBudgetFen
    }

    public var streamId: String { "platform-" + platformId }
    public var event: DomainEvent { .platformCreated(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        platformId = try reader.required("platformId")
        kind = try reader.required("kind")
        name = try reader.required("name")
        memberIds = try reader.required("memberIds")
        plannedBudgetFen = try reader.required("plannedBudgetFen")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 5)
        object.append("platformId", platformId.jsonValue)
        object.append("kind", kind.jsonValue)
        object.append("name", name.jsonValue)
        object.append("memberIds", memberIds.jsonValue)
        object.append("plannedBudgetFen", plannedBudgetFen.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(platformId)
        writer.write(kind)
        writer.write(name)
        writer.write(memberIds)
        writer.write(plannedBudgetFen)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        platformId = try reader.read()
        kind = try reader.read()
        name = try reader.read()
        memberIds = try reader.read()
        plannedBudgetFen = try reader.read()
    }
}

/// A member contributes cash, equipment, staff or a site to a platform, valued in fen.
public struct ContributionRecorded: EventPayload {
    public static let typeName = "ContributionRecorded"
    public static let typeCode: UInt16 = 22
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("platformId", .identifier),
        FieldSpec("memberId", .identifier),
        FieldSpec("kind", .enumeration(ContributionKind.self)),
        FieldSpec("valueFen", .fen),
    ]

    public var platformId: String
    public var memberId: String
    public var kind: ContributionKind
    public var valueFen: Int64

    public init(platformId: String, memberId: String, kind: ContributionKind, valueFen: Int64) {
        self.platformId = platformId
        self.memberId = memberId
        self.kind = kind
        self.valueFen = valueFen
    }

    public var streamId: String { "platform-" + platformId }
    public var event: DomainEvent { .contributionRecorded(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        platformId = try reader.required("platformId")
        memberId = try reader.required("memberId")
        kind = try reader.required("kind")
        valueFen = try reader.required("valueFen")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("platformId", platformId.jsonValue)
        object.append("memberId", memberId.jsonValue)
        object.append("kind", kind.jsonValue)
        object.append("valueFen", valueFen.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(platformId)
        writer.write(memberId)
        writer.write(kind)
        writer.write(valueFen)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        platformId = try reader.read()
        memberId = try reader.read()
        kind = try reader.read()
        valueFen = try reader.read()
    }
}

/// The secretariat accepts a platform as built.
public struct PlatformAccepted: EventPayload {
    public static let typeName = "PlatformAccepted"
    public static let typeCode: UInt16 = 23
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("platformId", .identifier)
    ]

    public var platformId: String

    public init(platformId: String) {
        self.platformId = platformId
    }

    public var streamId: String { "platform-" + platformId }
    public var event: DomainEvent { .platformAccepted(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        platformId = try reader.required("platformId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 1)
        object.append("platformId", platformId.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(platformId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        platformId = try reader.read()
    }
}

/// The secretariat rejects a platform at acceptance.
public struct PlatformRejected: EventPayload {
    public static let typeName = "PlatformRejected"
    public static let typeCode: UInt16 = 24
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("platformId", .identifier),
        FieldSpec("reason", .text),
    ]

    public var platformId: String
    public var reason: String

    public init(platformId: String, reason: String) {
        self.platformId = platformId
        self.reason = reason
    }

    public var streamId: String { "platform-" + platformId }
    public var event: DomainEvent { .platformRejected(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        platformId = try reader.required("platformId")
        reason = try reader.required("reason")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("platformId", platformId.jsonValue)
        object.append("reason", reason.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(platformId)
        writer.write(reason)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        platformId = try reader.read()
        reason = try reader.read()
    }
}
