import Domain
import EventStore
import Projections

extension RecordView {
    /// The payload decoded as its catalogue type, the type named from its raw bytes
    /// (`EventTypeTable`): the replay and audit loops' only decoding step.
    func decodedEvent() throws(PayloadDecodingError) -> DomainEvent {
        guard let code = EventTypeTable.shared.code(of: typeUTF8) else {
            throw PayloadDecodingError(code: .unknownType, offset: 0, expected: "a known event type, got \"\(type)\"")
        }
        return try DomainEvent.decode(typeCode: code, schemaVersion: schemaVersion, payload: payload)
    }

    /// The occurrence time with the offset it was written in (which decides the business date).
    var occurredTimestamp: Timestamp {
        Timestamp(millisecondsSinceEpoch: occurredAt, utcOffsetMinutes: occurredOffsetMinutes)
    }

    /// What projectors read from the envelope.
    var eventContext: EventContext {
        EventContext(sequence: sequence, occurredAt: occurredTimestamp, actor: actor)
    }
}
