// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A graduate is hired; `local` says whether the job is in the city (retention figures).
public struct GraduateHired: EventPayload {
    public static let typeName = "GraduateHired"
    public static let typeCode: UInt16 = 19
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("enterpriseId", .identifier),
        FieldSpec("local", .boolean),
    ]

    public var personId: String
    public var enterpriseId: String
    public var local: Bool

    public init(personId: String, enterpriseId: String, local: Bool) {
        self.personId = personId
        self.enterpriseId = enterpriseId
        self.local = local
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .graduateHired(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        enterpriseId = try reader.required("enterpriseId")
        local = try reader.required("local")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("enterpriseId", enterpriseId.jsonValue)
        object.append("local", local.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(enterpriseId)
        writer.write(local)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        enterpriseId = try reader.read()
        local = try reader.read()
    }
}

/// An enterprise confirms a hire is still employed after some months (employment subsidies).
public struct EmploymentVerified: EventPayload {
    public static let typeName = "EmploymentVerified"
    public static let typeCode: UInt16 = 20
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("enterpriseId", .identifier),
        FieldSpec("monthsEmployed", .count),
    ]

    public var personId: String
    public var enterpriseId: String
    public var monthsEmployed: Int

    public init(personId: String, enterpriseId: String, monthsEmployed: Int) {
        self.personId = personId
        self.enterpriseId = enterpriseId
        self.monthsEmployed = monthsEmployed
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .employmentVerified(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        enterpriseId = try reader.required("enterpriseId")
        monthsEmployed = try reader.required("monthsEmployed")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("enterpriseId", enterpriseId.jsonValue)
        object.append("monthsEmployed", monthsEmployed.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(enterpriseId)
        writer.write(monthsEmployed)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        enterpriseId = try reader.read()
        monthsEmployed = try reader.read()
    }
}
