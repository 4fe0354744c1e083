import Domain
import EventStore
import Foundation

extension RecordedEvent {
    /// The occurredAt instant with the offset it was written in.
    public var occurredTimestamp: Timestamp {
        Timestamp(millisecondsSinceEpoch: occurredAt, utcOffsetMinutes: occurredOffsetMinutes)
    }

    /// The payload as a domain event (upcast from older schema versions).
    public func domainEvent() throws -> DomainEvent {
        do {
            return try DomainEvent.decode(typeName: type, schemaVersion: schemaVersion, payload: payload)
        } catch {
            throw LedgerError(.io, "record \(sequence) (\(type)) has an unreadable payload: \(error)")
        }
    }

    /// The import form (docs/DOMAIN.md, Import line) plus the recorded envelope and chain fields — what
    /// `ledger log --format jsonl` and the nightly export write, and what `import` reads back.
    public func exportObject() throws -> JSONObject {
        var object = JSONObject(minimumCapacity: 16)
        object.append("id", .string(id))
        object.append("type", .string(type))
        object.append("occurredAt", .string(occurredTimestamp.description))
        object.append("actor", .string(actor))
        if let causationId { object.append("causationId", .string(causationId)) }
        if let correlationId { object.append("correlationId", .string(correlationId)) }
        object.append("data", .object(try domainEvent().jsonObject()))
        var recorded = JSONObject(minimumCapacity: 10)
        recorded.append("sequence", .int(Int64(sequence)))
        recorded.append("stream", .string(stream))
        recorded.append("version", .int(Int64(version)))
        recorded.append("recordedAt", .string(Timestamp(millisecondsSinceEpoch: recordedAt).description))
        recorded.append("schemaVersion", .int(Int64(schemaVersion)))
        recorded.append("previousHash", .string(previousHash.hex))
        recorded.append("hash", .string(hash.hex))
        if let signature { recorded.append("signature", .string(Data(signature).base64EncodedString())) }
        if let signerKeyId { recorded.append("signerKeyId", .string(signerKeyId)) }
        object.append("recorded", .object(recorded))
        return object
    }
}
