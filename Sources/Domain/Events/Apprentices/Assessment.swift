// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// An apprentice sits an assessment; pass rates count these.
public struct ApprenticeAssessed: EventPayload {
    public static let typeName = "ApprenticeAssessed"
    public static let typeCode: UInt16 = 15
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("assessment", .text),
        FieldSpec("passed", .boolean),
    ]

    public var personId: String
    public var assessment: String
    public var passed: Bool

    public init(personId: String, assessment: String, passed: Bool) {
        self.personId = personId
        self.assessment = assessment
        self.passed = passed
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .apprenticeAssessed(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        assessment = try reader.required("assessment")
        passed = try reader.required("passed")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("assessment", assessment.jsonValue)
        object.append("passed", passed.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(assessment)
        writer.write(passed)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        assessment = try reader.read()
        passed = try reader.read()
    }
}

/// An apprentice is awarded a vocational certificate.
public struct CertificateAwarded: EventPayload {
    public static let typeName = "CertificateAwarded"
    public static let typeCode: UInt16 = 16
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("certificate", .text),
        FieldSpec("level", .text, required: false),
    ]

    public var personId: String
    public var certificate: String
    public var level: String?

    public init(personId: String, certificate: String, level: String? = nil) {
        self.personId = personId
        self.certificate = certificate
        self.level = level
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .certificateAwarded(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        certificate = try reader.required("certificate")
        level = try reader.optional("level")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("certificate", certificate.jsonValue)
        if let level { object.append("level", level.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(certificate)
        writer.write(level)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        certificate = try reader.read()
        level = try reader.read()
    }
}

/// An apprentice leaves before graduating.
public struct ApprenticeWithdrawn: EventPayload {
    public static let typeName = "ApprenticeWithdrawn"
    public static let typeCode: UInt16 = 17
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("reason", .text),
    ]

    public var personId: String
    public var reason: String

    public init(personId: String, reason: String) {
        self.personId = personId
        self.reason = reason
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .apprenticeWithdrawn(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        reason = try reader.required("reason")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 2)
        object.append("personId", personId.jsonValue)
        object.append("reason", reason.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(reason)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        reason = try reader.read()
    }
}

/// An apprentice completes the programme.
public struct ApprenticeGraduated: EventPayload {
    public static let typeName = "ApprenticeGraduated"
    public static let typeCode: UInt16 = 18
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier)
    ]

    public var personId: String

    public init(personId: String) {
        self.personId = personId
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .apprenticeGraduated(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 1)
        object.append("personId", personId.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
    }
}
