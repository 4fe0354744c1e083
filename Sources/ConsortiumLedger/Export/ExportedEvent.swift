import Audit
import Domain
import EventStore
import Foundation

/// One line of an exported `events.jsonl` turned back into the event the ledger recorded:
/// the import form gives the payload, the `recorded` block gives what the store had added
/// (recordedAt, signature) and what the restore must reproduce (sequence, stream, version, hash).
struct ExportedEvent {
    var newEvent: NewEvent
    var domainEvent: DomainEvent
    var sequence: UInt64
    var version: UInt64
    var hash: Hash

    static func parse(_ bytes: UnsafeRawBufferPointer, at location: ImportLocation) throws -> ExportedEvent {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw LedgerError(
                .invalidInput, "\(location): malformed JSON at column \(error.column): expected \(error.expected)")
        }
        guard case .object(let recorded)? = value["recorded"] else {
            throw LedgerError(
                .invalidInput, "\(location): recorded: missing; expected the recorded block an export writes")
        }
        func field(_ name: String, _ expected: String) -> LedgerError {
            LedgerError(.invalidInput, "\(location): recorded.\(name): expected \(expected)")
        }
        guard let sequence = recorded["sequence"]?.intValue, sequence > 0 else {
            throw field("sequence", "a positive integer")
        }
        guard let version = recorded["version"]?.intValue, version > 0 else {
            throw field("version", "a positive integer")
        }
        guard let stream = recorded["stream"]?.stringValue else { throw field("stream", "a string") }
        guard let recordedAt = recorded["recordedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)) else {
            throw field("recordedAt", "an RFC 3339 timestamp")
        }
        guard let schemaVersion = recorded["schemaVersion"]?.intValue.flatMap(UInt16.init(exactly:)) else {
            throw field("schemaVersion", "an integer 0…65535")
        }
        guard let hash = recorded["hash"]?.stringValue.flatMap({ Hash(hex: $0) }) else {
            throw field("hash", "64 hex digits")
        }
        var signature: [UInt8]?
        if let text = recorded["signature"]?.stringValue {
            guard let bytes = Data(base64Encoded: text) else { throw field("signature", "base64") }
            signature = Array(bytes)
        }

        let line: ImportLine
        do {
            line = try ImportRecords.parse(value, at: location)
        } catch {
            throw LedgerError(.invalidInput, error.description)
        }
        guard let id = line.id else {
            throw LedgerError(.invalidInput, "\(location): id: missing; every exported event has one")
        }
        var event = line.newEvent(id: id)
        guard event.schemaVersion == schemaVersion else {
            throw LedgerError(
                .invalidInput,
                "\(location): recorded.schemaVersion is \(schemaVersion) but this tool writes \(line.type) as version "
                    + "\(event.schemaVersion), so the record cannot be reproduced byte for byte")
        }
        guard event.stream == stream else {
            throw LedgerError(
                .invalidInput, "\(location): recorded.stream is \(stream), expected \(event.stream) for this event")
        }
        event.recordedAt = recordedAt.millisecondsSinceEpoch
        event.signature = signature
        event.signerKeyId = recorded["signerKeyId"]?.stringValue
        return ExportedEvent(
            newEvent: event, domainEvent: line.event, sequence: UInt64(sequence), version: UInt64(version), hash: hash)
    }
}
