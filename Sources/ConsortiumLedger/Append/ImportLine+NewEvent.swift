import Domain
import EventStore

extension ImportLine {
    /// The log-level event for this line: the stream is derived from the payload's primary id
    /// and the payload is the compact binary encoding (JSON never reaches storage).
    func newEvent(id fallbackId: String) -> NewEvent {
        let stored = storedPayload
        return NewEvent(
            id: id ?? fallbackId, type: event.typeName, stream: event.streamId,
            occurredAt: occurredAt.millisecondsSinceEpoch, occurredOffsetMinutes: occurredAt.utcOffsetMinutes,
            actor: actor, schemaVersion: stored.schemaVersion, payload: stored.payload,
            expectedVersion: expectedVersion, causationId: causationId, correlationId: correlationId)
    }
}
