// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A school and an enterprise sign a cooperation agreement for a term.
public struct AgreementSigned: EventPayload {
    public static let typeName = "AgreementSigned"
    public static let typeCode: UInt16 = 7
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("agreementId", .identifier),
        FieldSpec("schoolId", .identifier),
        FieldSpec("enterpriseId", .identifier),
        FieldSpec("kind", .enumeration(AgreementKind.self)),
        FieldSpec("startsOn", .date),
        FieldSpec("endsOn", .date),
        FieldSpec("places", .count, required: false),
    ]

    public var agreementId: String
    public var schoolId: String
    public var enterpriseId: String
    public var kind: AgreementKind
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var places: Int?

    public init(
        agreementId: String, schoolId: String, enterpriseId: String, kind: AgreementKind, startsOn: LocalDate,
        endsOn: LocalDate, places: Int? = nil
    ) {
        self.agreementId = agreementId
        self.schoolId = schoolId
        self.enterpriseId = enterpriseId
        self.kind = kind
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.places = places
    }

    public var streamId: String { "agreement-" + agreementId }
    public var event: DomainEvent { .agreementSigned(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        agreementId = try reader.required("agreementId")
        schoolId = try reader.required("schoolId")
        enterpriseId = try reader.required("enterpriseId")
        kind = try reader.required("kind")
        startsOn = try reader.required("startsOn")
        endsOn = try reader.required("endsOn")
        places = try reader.optional("places")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 7)
        object.append("agreementId", agreementId.jsonValue)
        object.append("schoolId", schoolId.jsonValue)
        object.append("enterpriseId", enterpriseId.jsonValue)
        object.append("kind", kind.jsonValue)
        object.append("startsOn", startsOn.jsonValue)
        object.append("endsOn", endsOn.jsonValue)
        if let places { object.append("places", places.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(agreementId)
        writer.write(schoolId)
        writer.write(enterpriseId)
        writer.write(kind)
        writer.write(startsOn)
        writer.write(endsOn)
        writer.write(places)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        agreementId = try reader.read()
        schoolId = try reader.read()
        enterpriseId = try reader.read()
        kind = try reader.read()
        startsOn = try reader.read()
        endsOn = try reader.read()
        places = try reader.read()
    }
}

/// An agreement's end date or places change; absent fields stay as they were.
public struct AgreementAmended: EventPayload {
    public static let typeName = "AgreementAmended"
    public static let typeCode: UInt16 = 8
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("agreementId", .identifier),
        FieldSpec("endsOn", .date, required: false),
        FieldSpec("places", .count, required: false),
    ]

    public var agreementId: String
    public var endsOn: LocalDate?
    public var places: Int?

    public init(agreementId: String, endsOn: LocalDate? = nil, places: Int? = nil) {
        self.agreementId = agreementId
        self.endsOn = endsOn
        self.places = places
    }

    public var streamId: String { "agreement-" + agreementId }
    public var event: DomainEvent { .agreementAmended(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        agreementId = try reader.required("agreementId")
        endsOn = try reader.optional("endsOn")
        places = try reader.optional("places")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("agreementId", agreementId.jsonValue)
        if let endsOn { object.append("endsOn", endsOn.jsonValue) }
        if let places { object.append("places", places.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(agreementId)
        writer.write(endsOn)
        writer.write(places)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        agreementId = try reader.read()
        endsOn = try reader.read()
        places = try reader.read()
    }
}

/// An agreement ends early; enrolment under it stops.
public struct AgreementTerminated: EventPayload {
    public static let typeName = "AgreementTerminated"
    public static let typeCode: UInt16 = 9
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("agreementId", .identifier),
        FieldSpec("reason", .text),
    ]

    public var agreementId: String
    public var reason: String

    public init(agreementId: String, reason: String) {
        self.agreementId = agreementId
        self.reason = reason
    }

    public var streamId: String { "agreement-" + agreementId }
    public var event: DomainEvent { .agreementTerminated(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        agreementId = try reader.required("agreementId")
        reason = try reader.required("reason")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("agreementId", agreementId.jsonValue)
        object.append("reason", reason.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(agreementId)
        writer.write(reason)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        agreementId = try reader.read()
        reason = try reader.read()
    }
}
