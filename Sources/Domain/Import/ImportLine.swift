/// One line of an import file: an event plus the envelope fields its submitter controls.
///
/// The store adds the rest of the recorded envelope (sequence, stream version,
/// recordedAt, hashes). A line is fully validated here, before anything is written.
public struct ImportLine: Sendable, Equatable {
    /// The event id; `nil` means "generate one". Re-sending an id is idempotent.
    public var id: String?
    public var occurredAt: Timestamp
    /// The member that submits the event.
    public var actor: String
    /// Optimistic concurrency: the version the event's stream must be at.
    public var expectedVersion: UInt64?
    public var causationId: String?
    public var correlationId: String?
    public var event: DomainEvent
    /// The schema version the event is written at; `nil` means its type's current version.
    /// Only lines exported from a ledger (their `recorded.schemaVersion`) name an older one.
    public var schemaVersion: UInt16?

    public init(
        id: String? = nil, occurredAt: Timestamp, actor: String, expectedVersion: UInt64? = nil,
        causationId: String? = nil, correlationId: String? = nil, event: DomainEvent, schemaVersion: UInt16? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.occurredAt = occurredAt
        self.actor = actor
        self.expectedVersion = expectedVersion
        self.causationId = causationId
        self.correlationId = correlationId
        self.event = event
    }

    /// The catalogue type name (`type` in the file).
    public var type: String { event.typeName }
    public var streamId: String { event.streamId }

    /// The schema version and binary payload this line is stored as: the named older version
    /// when the event can be written at it, else the current one.
    public var storedPayload: (schemaVersion: UInt16, payload: [UInt8]) {
        if let schemaVersion, schemaVersion != event.schemaVersion,
            let payload = event.encodePayload(schemaVersion: schemaVersion)
        {
            return (schemaVersion, payload)
        }
        return (event.schemaVersion, event.encodePayload())
    }

    /// The envelope keys an import line may have, in the order they are written back.
    public static let envelopeKeys = [
        "id", "type", "occurredAt", "actor", "expectedVersion", "causationId", "correlationId", "data",
    ]

    /// The import form: envelope keys in `envelopeKeys` order, absent optionals left out.
    public func jsonObject() -> JSONObject {
        var object = JSONObject(minimumCapacity: 8)
        if let id { object.append("id", .string(id)) }
        object.append("type", .string(type))
        object.append("occurredAt", .string(occurredAt.description))
        object.append("actor", .string(actor))
        if let expectedVersion { object.append("expectedVersion", .int(Int64(clamping: expectedVersion))) }
        if let causationId { object.append("causationId", .string(causationId)) }
        if let correlationId { object.append("correlationId", .string(correlationId)) }
        object.append("data", .object(event.jsonObject()))
        return object
    }
}
