import Domain
import EventStore
import Foundation

/// Formats one line of `events.jsonl` straight from a stored record into the output buffer:
/// byte for byte what `JSONValue.object(recordedEvent.exportObject()).serialize` writes, without
/// copying the record out of the memory map or building a JSON tree for the envelope.
///
/// Not Sendable: one export owns it; its caches hold the last timestamps it formatted (events
/// of a day, and of an import batch, share them).
struct EventLineEncoder {
    private let typeNames = EventTypeNames()
    private var occurred = TimestampTextCache()
    private var recorded = TimestampTextCache()

    /// Appends the line for `view`, newline included; returns the event's storage type code.
    mutating func append(_ view: RecordView, to out: inout [UInt8]) throws -> UInt16? {
        let code = typeNames.code(of: view.typeUTF8)
        JSONBytes.appendLiteral(#"{"id":"#, to: &out)
        try appendText(view.idUTF8, "id", view, to: &out)
        JSONBytes.appendLiteral(#","type":"#, to: &out)
        try appendText(view.typeUTF8, "type", view, to: &out)
        JSONBytes.appendLiteral(#","occurredAt":""#, to: &out)
        occurred.append(
            Timestamp(millisecondsSinceEpoch: view.occurredAt, utcOffsetMinutes: view.occurredOffsetMinutes), to: &out)
        JSONBytes.appendLiteral(#"","actor":"#, to: &out)
        try appendText(view.actorUTF8, "actor", view, to: &out)
        if let causation = view.causationIdUTF8 {
            JSONBytes.appendLiteral(#","causationId":"#, to: &out)
            try appendText(causation, "causationId", view, to: &out)
        }
        if let correlation = view.correlationIdUTF8 {
            JSONBytes.appendLiteral(#","correlationId":"#, to: &out)
            try appendText(correlation, "correlationId", view, to: &out)
        }
        JSONBytes.appendLiteral(#","data":"#, to: &out)
        JSONValue.object(try payload(of: view, code: code).jsonObject()).serialize(into: &out)
        JSONBytes.appendLiteral(#","recorded":{"sequence":"#, to: &out)
        JSONBytes.appendInteger(view.sequence, to: &out)
        JSONBytes.appendLiteral(#","stream":"#, to: &out)
        try appendText(view.streamUTF8, "stream", view, to: &out)
        JSONBytes.appendLiteral(#","version":"#, to: &out)
        JSONBytes.appendInteger(view.version, to: &out)
        JSONBytes.appendLiteral(#","recordedAt":""#, to: &out)
        recorded.append(Timestamp(millisecondsSinceEpoch: view.recordedAt), to: &out)
        JSONBytes.appendLiteral(#"","schemaVersion":"#, to: &out)
        JSONBytes.appendInteger(UInt64(view.schemaVersion), to: &out)
        JSONBytes.appendLiteral(#","previousHash":"#, to: &out)
        view.previousHash.withUnsafeBytes { JSONBytes.appendHex($0, to: &out) }
        JSONBytes.appendLiteral(#","hash":"#, to: &out)
        view.hash.withUnsafeBytes { JSONBytes.appendHex($0, to: &out) }
        if let signature = view.signature {
            JSONBytes.appendLiteral(#","signature":"#, to: &out)
            JSONValue.appendString(Data(signature).base64EncodedString(), to: &out)
        }
        if let signerKeyId = view.signerKeyId {
            JSONBytes.appendLiteral(#","signerKeyId":"#, to: &out)
            JSONValue.appendString(signerKeyId, to: &out)
        }
        JSONBytes.appendLiteral("}}\n", to: &out)
        return code
    }

    /// The payload as a domain event, with the message `RecordedEvent.domainEvent()` gives.
    private func payload(of view: RecordView, code: UInt16?) throws -> DomainEvent {
        do {
            if let code {
                return try DomainEvent.decode(typeCode: code, schemaVersion: view.schemaVersion, payload: view.payload)
            }
            return try DomainEvent.decode(typeName: view.type, schemaVersion: view.schemaVersion, payload: view.payload)
        } catch {
            throw LedgerError(.io, "record \(view.sequence) (\(view.type)) has an unreadable payload: \(error)")
        }
    }

    /// Envelope text as a JSON string. ASCII (nearly every id, type, stream and actor) is copied
    /// as is; anything else is checked to be UTF-8 first, as decoding the record would.
    private func appendText(
        _ bytes: UnsafeRawBufferPointer, _ field: String, _ view: RecordView, to out: inout [UInt8]
    ) throws {
        if !bytes.allSatisfy({ $0 < 0x80 }), String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) == nil
        {
            throw LedgerError(.io, "record \(view.sequence): \(field) is not UTF-8; run `ledger audit`")
        }
        JSONValue.appendString(utf8: bytes, to: &out)
    }
}

/// The last timestamp formatted and its text: consecutive events mostly share one.
private struct TimestampTextCache {
    private var last: Timestamp?
    private var text: [UInt8] = []

    mutating func append(_ timestamp: Timestamp, to out: inout [UInt8]) {
        if timestamp != last {
            last = timestamp
            text = Array(timestamp.description.utf8)
        }
        out.append(contentsOf: text)
    }
}

/// Catalogue type names as bytes → storage type code, so a stored type name is looked up
/// without building a String for it.
struct EventTypeNames: Sendable {
    private let entries: [(name: [UInt8], code: UInt16)] = DomainEvent.allTypeNames.compactMap { name in
        DomainEvent.typeCode(named: name).map { (Array(name.utf8), $0) }
    }

    func code(of type: UnsafeRawBufferPointer) -> UInt16? {
        for entry in entries where entry.name.count == type.count {
            let equal = entry.name.withUnsafeBytes { name in
                guard let a = name.baseAddress, let b = type.baseAddress else { return name.count == 0 }
                return memcmp(a, b, name.count) == 0
            }
            if equal { return entry.code }
        }
        return nil
    }
}
