import Audit
import Domain

extension SinkRecord {
    /// Reads one line as `ledger log --format jsonl` prints it (and the HTTP feed sends it):
    /// the import form plus the `recorded` block with sequence, stream and both chain hashes.
    ///
    /// `source` names where the line came from in errors ("feed http://…, event 42").
    public static func parse(logLine bytes: [UInt8], source: String) throws -> SinkRecord {
        let location = ImportLocation(file: source, line: 1)
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw LedgerError(
                .invalidInput, "\(source): malformed JSON at column \(error.column): expected \(error.expected)")
        }
        guard case .object(let recorded)? = value["recorded"] else {
            throw LedgerError(.invalidInput, "\(source): recorded: missing; expected the block `ledger log` writes")
        }
        func field(_ name: String, _ expected: String) -> LedgerError {
            LedgerError(.invalidInput, "\(source): recorded.\(name): expected \(expected)")
        }
        guard let sequence = recorded["sequence"]?.intValue, sequence > 0 else {
            throw field("sequence", "a positive integer")
        }
        guard let stream = recorded["stream"]?.stringValue else { throw field("stream", "a string") }
        guard let previous = recorded["previousHash"]?.stringValue.flatMap({ Hash(hex: $0) }) else {
            throw field("previousHash", "64 hex digits")
        }
        guard let hash = recorded["hash"]?.stringValue.flatMap({ Hash(hex: $0) }) else {
            throw field("hash", "64 hex digits")
        }
        let line: ImportLine
        do {
            line = try ImportRecords.parse(value, at: location)
        } catch {
            throw LedgerError(.invalidInput, error.description)
        }
        guard let id = line.id else {
            throw LedgerError(.invalidInput, "\(source): id: missing; every recorded event has one")
        }
        var data: [UInt8] = []
        JSONValue.object(line.event.jsonObject()).serialize(into: &data)
        return SinkRecord(
            sequence: UInt64(sequence), id: id, type: line.type, stream: stream, occurredAt: line.occurredAt,
            actor: line.actor, data: data, previousHash: previous.bytes, hash: hash.bytes, event: line.event)
    }
}
