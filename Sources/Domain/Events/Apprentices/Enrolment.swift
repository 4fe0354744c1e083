// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A person enrols in a class; the school and enterprise come from the class's agreement.
public struct ApprenticeEnrolled: EventPayload {
    public static let typeName = "ApprenticeEnrolled"
    public static let typeCode: UInt16 = 12
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("classId", .identifier),
        FieldSpec("enrolledOn", .date),
    ]

    public var personId: String
    public var classId: String
    public var enrolledOn: LocalDate

    public init(personId: String, classId: String, enrolledOn: LocalDate) {
        self.personId = personId
        self.classId = classId
        self.enrolledOn = enrolledOn
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .apprenticeEnrolled(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        classId = try reader.required("classId")
        enrolledOn = try reader.required("enrolledOn")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("classId", classId.jsonValue)
        object.append("enrolledOn", enrolledOn.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(classId)
        writer.write(enrolledOn)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        classId = try reader.read()
        enrolledOn = try reader.read()
    }
}

/// A school or enterprise mentor is assigned to an apprentice (dual-mentor system).
public struct MentorAssigned: EventPayload {
    public static let typeName = "MentorAssigned"
    public static let typeCode: UInt16 = 13
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("mentorId", .identifier),
        FieldSpec("side", .enumeration(MentorSide.self)),
    ]

    public var personId: String
    public var mentorId: String
    public var side: MentorSide

    public init(personId: String, mentorId: String, side: MentorSide) {
        self.personId = personId
        self.mentorId = mentorId
        self.side = side
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .mentorAssigned(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        mentorId = try reader.required("mentorId")
        side = try reader.required("side")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("personId", personId.jsonValue)
        object.append("mentorId", mentorId.jsonValue)
        object.append("side", side.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(mentorId)
        writer.write(side)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        mentorId = try reader.read()
        side = try reader.read()
    }
}

/// An apprentice is placed with an enterprise for a period.
public struct InternshipPlaced: EventPayload {
    public static let typeName = "InternshipPlaced"
    public static let typeCode: UInt16 = 14
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("personId", .identifier),
        FieldSpec("enterpriseId", .identifier),
        FieldSpec("startsOn", .date),
        FieldSpec("endsOn", .date),
    ]

    public var personId: String
    public var enterpriseId: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate

    public init(personId: String, enterpriseId: String, startsOn: LocalDate, endsOn: LocalDate) {
        self.personId = personId
        self.enterpriseId = enterpriseId
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public var streamId: String { "person-" + personId }
    public var event: DomainEvent { .internshipPlaced(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        personId = try reader.required("personId")
        enterpriseId = try reader.required("enterpriseId")
        startsOn = try reader.required("startsOn")
        endsOn = try reader.required("endsOn")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("personId", personId.jsonValue)
        object.append("enterpriseId", enterpriseId.jsonValue)
        object.append("startsOn", startsOn.jsonValue)
        object.append("endsOn", endsOn.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(personId)
        writer.write(enterpriseId)
        writer.write(startsOn)
        writer.write(endsOn)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        personId = try reader.read()
        enterpriseId = try reader.read()
        startsOn = try reader.read()
        endsOn = try reader.read()
    }
}
