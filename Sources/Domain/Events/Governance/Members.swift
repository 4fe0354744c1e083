// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A member joins; its kind decides what it may record, and schools state their level.
///
/// Schema version 2 added `creditCode` (统一社会信用代码), required for enterprises and schools
/// in version 2 lines; version 1 payloads are upcast (see `MemberAdmitted+Versions.swift`).
public struct MemberAdmitted: EventPayload {
    public static let typeName = "MemberAdmitted"
    public static let typeCode: UInt16 = 2
    public static let schemaVersion: UInt16 = 2
    public static let fields: [FieldSpec] = [
        FieldSpec("memberId", .identifier),
        FieldSpec("name", .text),
        FieldSpec("kind", .enumeration(MemberKind.self)),
        FieldSpec("schoolLevel", .enumeration(SchoolLevel.self), required: false),
        FieldSpec("industry", .text, required: false),
        FieldSpec("creditCode", .string(.creditCode), required: false),
    ]

    public var memberId: String
    public var name: String
    public var kind: MemberKind
    public var schoolLevel: SchoolLevel?
    public var industry: String?
    /// The unified social credit code; `nil` only for kinds that need none or for events
    /// recorded at schema version 1.
    public var creditCode: String?

    public init(
        memberId: String, name: String, kind: MemberKind, schoolLevel: SchoolLevel? = nil, industry: String? = nil,
        creditCode: String? = nil
    ) {
        self.memberId = memberId
        self.name = name
        self.kind = kind
        self.schoolLevel = schoolLevel
        self.industry = industry
        self.creditCode = creditCode
    }

    public var streamId: String { "member-" + memberId }
    public var event: DomainEvent { .memberAdmitted(self) }

    /// Reads a version 2 `data` object: enterprises and schools must give their credit code.
    public init(json object: JSONObject) throws(FieldError) {
        try self.init(json: object, schemaVersion: Self.schemaVersion)
    }

    /// Reads a `data` object as recorded at `schemaVersion`: version 1 had no credit code.
    public init(json object: JSONObject, schemaVersion: UInt16) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        memberId = try reader.required("memberId")
        name = try reader.required("name")
        kind = try reader.required("kind")
        schoolLevel = try reader.optional("schoolLevel")
        industry = try reader.optional("industry")
        creditCode = try reader.optional("creditCode")
        if schemaVersion >= 2, creditCode == nil, kind.needsCreditCode {
            throw FieldError(
                code: .missing, field: "data.creditCode",
                expected: CreditCode.expectation + " (required for enterprises and schools)")
        }
        if schemaVersion < 2, creditCode != nil {
            throw FieldError(
                code: .invalidValue, field: "data.creditCode",
                expected: "no creditCode in a MemberAdmitted recorded at schema version 1 (it came with version 2)",
                got: creditCode.map { "\"\($0)\"" })
        }
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 6)
        object.append("memberId", memberId.jsonValue)
        object.append("name", name.jsonValue)
        object.append("kind", kind.jsonValue)
        if let schoolLevel { object.append("schoolLevel", schoolLevel.jsonValue) }
        if let industry { object.append("industry", industry.jsonValue) }
        if let creditCode { object.append("creditCode", creditCode.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        encodeVersionOne(into: &writer)
        writer.write(creditCode)
    }

    /// The fields version 1 had, in its order (version 2 appends the credit code).
    func encodeVersionOne(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(name)
        writer.write(kind)
        writer.write(schoolLevel)
        writer.write(industry)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberId = try reader.read()
        name = try reader.read()
        kind = try reader.read()
        schoolLevel = try reader.read()
        industry = try reader.read()
        creditCode = try reader.read()
    }
}

/// A member leaves; it may record and sign nothing afterwards.
public struct MemberWithdrawn: EventPayload {
    public static let typeName = "MemberWithdrawn"
    public static let typeCode: UInt16 = 3
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("memberId", .identifier),
        FieldSpec("reason", .text),
    ]

    public var memberId: String
    public var reason: String

    public init(memberId: String, reason: String) {
        self.memberId = memberId
        self.reason = reason
    }

    public var streamId: String { "member-" + memberId }
    public var event: DomainEvent { .memberWithdrawn(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        memberId = try reader.required("memberId")
        reason = try reader.required("reason")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("memberId", memberId.jsonValue)
        object.append("reason", reason.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(reason)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberId = try reader.read()
        reason = try reader.read()
    }
}

/// An enterprise is certified as 产教融合型企业 at a level.
public struct EnterpriseCertified: EventPayload {
    public static let typeName = "EnterpriseCertified"
    public static let typeCode: UInt16 = 4
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("memberId", .identifier),
        FieldSpec("level", .enumeration(CertificationLevel.self)),
    ]

    public var memberId: String
    public var level: CertificationLevel

    public init(memberId: String, level: CertificationLevel) {
        self.memberId = memberId
        self.level = level
    }

    public var streamId: String { "member-" + memberId }
    public var event: DomainEvent { .enterpriseCertified(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        memberId = try reader.required("memberId")
        level = try reader.required("level")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("memberId", memberId.jsonValue)
        object.append("level", level.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(level)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        memberId = try reader.read()
        level = try reader.read()
    }
}
