// Event payloads of docs/DOMAIN.md, Event catalogue. Field names are the import contract.

/// A member delivers training, counted in person-times, optionally for a recipient member.
///
/// Schema version 2 added `recipientId`; version 1 payloads are upcast (see `TrainingDelivered+Upcast.swift`).
public struct TrainingDelivered: EventPayload {
    public static let typeName = "TrainingDelivered"
    public static let typeCode: UInt16 = 33
    public static let schemaVersion: UInt16 = 2
    public static let fields: [FieldSpec] = [
        FieldSpec("providerId", .identifier),
        FieldSpec("personTimes", .integer(minimum: 1, maximum: nil)),
        FieldSpec("topic", .text),
        FieldSpec("recipientId", .identifier, required: false),
    ]

    public var providerId: String
    public var personTimes: Int
    public var topic: String
    public var recipientId: String?

    public init(providerId: String, personTimes: Int, topic: String, recipientId: String? = nil) {
        self.providerId = providerId
        self.personTimes = personTimes
        self.topic = topic
        self.recipientId = recipientId
    }

    public var streamId: String { "member-" + providerId }
    public var event: DomainEvent { .trainingDelivered(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        providerId = try reader.required("providerId")
        personTimes = try reader.required("personTimes")
        topic = try reader.required("topic")
        recipientId = try reader.optional("recipientId")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 4)
        object.append("providerId", providerId.jsonValue)
        object.append("personTimes", personTimes.jsonValue)
        object.append("topic", topic.jsonValue)
        if let recipientId { object.append("recipientId", recipientId.jsonValue) }
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(providerId)
        writer.write(personTimes)
        writer.write(topic)
        writer.write(recipientId)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        providerId = try reader.read()
        personTimes = try reader.read()
        topic = try reader.read()
        recipientId = try reader.read()
    }
}

/// A member delivers a technical service to a client member, valued in fen.
public struct TechServiceDelivered: EventPayload {
    public static let typeName = "TechServiceDelivered"
    public static let typeCode: UInt16 = 34
    public static let schemaVersion: UInt16 = 1
    public static let fields: [FieldSpec] = [
        FieldSpec("providerId", .identifier),
        FieldSpec("clientId", .identifier),
        FieldSpec("valueFen", .fen),
    ]

    public var providerId: String
    public var clientId: String
    public var valueFen: Int64

    public init(providerId: String, clientId: String, valueFen: Int64) {
        self.providerId = providerId
        self.clientId = clientId
        self.valueFen = valueFen
    }

    public var streamId: String { "member-" + providerId }
    public var event: DomainEvent { .techServiceDelivered(self) }

    public init(json object: JSONObject) throws(FieldError) {
        let reader = try FieldReader(object, fields: Self.fields)
        providerId = try reader.required("providerId")
        clientId = try reader.required("clientId")
        valueFen = try reader.required("valueFen")
    }

    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 3)
        object.append("providerId", providerId.jsonValue)
        object.append("clientId", clientId.jsonValue)
        object.append("valueFen", valueFen.jsonValue)
        return object
    }

    public func encode(into writer: inout BinaryWriter) {
        writer.write(providerId)
        writer.write(clientId)
        writer.write(valueFen)
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        providerId = try reader.read()
        clientId = try reader.read()
        valueFen = try reader.read()
    }
}
