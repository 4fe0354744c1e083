import EventStore

/// The canonical bytes a member signs for one event: everything the submitter chose that the
/// ledger stores (not the ledger's own sequence, version or recordedAt), in a fixed binary
/// layout, so the audit re-derives them from the stored record without any JSON.
enum SignedContent {
    static let domainTag = Array("consortium-ledger/event-signature/v1\n".utf8)

    static func bytes(
        id: some Collection<UInt8>, type: some Collection<UInt8>, stream: some Collection<UInt8>,
        actor: some Collection<UInt8>, occurredAt: Int64, offsetMinutes: Int16, schemaVersion: UInt16,
        payload: some Collection<UInt8>
    ) -> [UInt8] {
        var out = domainTag
        out.reserveCapacity(domainTag.count + 64 + payload.count)
        for field in [Array(id), Array(type), Array(stream), Array(actor)] {
            appendLength(field.count, to: &out)
            out.append(contentsOf: field)
        }
        withUnsafeBytes(of: occurredAt.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: offsetMinutes.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: schemaVersion.littleEndian) { out.append(contentsOf: $0) }
        appendLength(payload.count, to: &out)
        out.append(contentsOf: payload)
        return out
    }

    static func bytes(of event: NewEvent) -> [UInt8] {
        bytes(
            id: Array(event.id.utf8), type: Array(event.type.utf8), stream: Array(event.stream.utf8),
            actor: Array(event.actor.utf8), occurredAt: event.occurredAt, offsetMinutes: event.occurredOffsetMinutes,
            schemaVersion: event.schemaVersion, payload: event.payload)
    }

    static func bytes(of record: RecordView) -> [UInt8] {
        bytes(
            id: Array(record.id.utf8), type: Array(record.type.utf8), stream: Array(record.stream.utf8),
            actor: Array(record.actor.utf8), occurredAt: record.occurredAt, offsetMinutes: record.occurredOffsetMinutes,
            schemaVersion: record.schemaVersion, payload: record.payload)
    }

    private static func appendLength(_ n: Int, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(n).littleEndian) { out.append(contentsOf: $0) }
    }
}
