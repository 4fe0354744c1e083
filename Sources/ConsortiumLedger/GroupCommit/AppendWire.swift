import Domain
import EventStore
import Foundation

/// The append service's wire format: one JSON object per line each way, responses in the
/// order of the requests on that connection.
///
///     → {"events":[{"id":"…","signature":"base64","signerKeyId":"…","event":{…the import line…}}]}
///     ← {"sequences":[7],"duplicates":[false]}   or   {"error":{"kind":"…","code":"…","message":"…"}}
///
/// Written and read with the domain's byte-level JSON (Foundation's Codable JSON was a quarter
/// of the server's time at a few thousand appends per second).
enum AppendWire {
    /// A request line: each event as the JSON text the client parsed (newlines outside strings
    /// are only whitespace) with the id and signature the client fixed.
    static func encode(_ batch: [(json: String, prepared: PreparedLine)]) -> [UInt8] {
        var out: [UInt8] = Array(#"{"events":["#.utf8)
        for (index, item) in batch.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var envelope = JSONObject()
            envelope.append("id", .string(item.prepared.id))
            if let signature = item.prepared.signature {
                envelope.append("signature", .string(Data(signature).base64EncodedString()))
            }
            if let keyId = item.prepared.signerKeyId { envelope.append("signerKeyId", .string(keyId)) }
            JSONValue.object(envelope).serialize(into: &out)
            out.removeLast()  // the closing brace: the event follows inside the same object
            out.append(contentsOf: Array(#","event":"#.utf8))
            out.append(contentsOf: item.json.utf8.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }

    /// The request's batch; throws `LedgerError(.invalidInput)` naming the field of a bad line.
    static func decodeRequest(_ line: [UInt8]) throws -> AppendRequest {
        guard let events = (try? JSONValue.parse(line))?.objectValue?["events"]?.arrayValue else {
            throw LedgerError(.invalidInput, "the append service got a request it cannot read")
        }
        let prepared = try events.map { value -> PreparedLine in
            guard let item = value.objectValue, let id = item["id"]?.stringValue, let event = item["event"] else {
                throw LedgerError(.invalidInput, "the append service got an event without id or body")
            }
            let line: ImportLine
            do {
                line = try ImportLine.parse(event)
            } catch let error as ImportFieldError {
                throw LedgerError(.invalidInput, "\(error.field): \(error.secretaryMessage)")
            }
            let signature = item["signature"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { Array($0) }
            return PreparedLine(line: line, id: id, signature: signature, signerKeyId: item["signerKeyId"]?.stringValue)
        }
        return AppendRequest(prepared: prepared)
    }

    static func encode(_ outcome: Result<AppendResult, any Error>) -> [UInt8] {
        var response = JSONObject()
        switch outcome {
        case .success(let result):
            response.append("sequences", .array(result.sequences.map { .int(Int64($0)) }))
            response.append("duplicates", .array(result.duplicates.map { .bool($0) }))
        case .failure(let error as LedgerError):
            var carried = failure("ledger", error.code.rawValue, error.message)
            if case .object(var fields) = carried, let rule = error.ruleCode {
                fields.append("rule", .string(rule.rawValue))
                fields.append("field", .string(error.field ?? ""))
                carried = .object(fields)
            }
            response.append("error", carried)
        case .failure(let error as EventStoreError):
            response.append("error", failure("eventStore", error.code.rawValue, error.message))
        case .failure(let error):
            response.append("error", failure("other", "", String(describing: error)))
        }
        var out: [UInt8] = []
        JSONValue.object(response).serialize(into: &out)
        out.append(0x0A)
        return out
    }

    /// An error carried with its type and code, so the client rethrows the very error (and
    /// message) the direct path would have thrown.
    private static func failure(_ kind: String, _ code: String, _ message: String) -> JSONValue {
        .object(["kind": .string(kind), "code": .string(code), "message": .string(message)])
    }

    static func decodeResponse(_ line: [UInt8]) throws -> Result<AppendResult, any Error> {
        guard let response = (try? JSONValue.parse(line))?.objectValue else {
            throw LedgerError(.io, "the ledger server sent a response that is not JSON")
        }
        if let failure = response["error"]?.objectValue {
            let code = failure["code"]?.stringValue ?? ""
            let message = failure["message"]?.stringValue ?? "the ledger server reported an error"
            if failure["kind"]?.stringValue == "eventStore", let code = EventStoreError.Code(rawValue: code) {
                return .failure(EventStoreError(code, message))
            }
            let rule = failure["rule"]?.stringValue.flatMap(RuleViolation.Code.init(rawValue:))
            return .failure(
                LedgerError(
                    LedgerError.Code(rawValue: code) ?? .io, message, ruleCode: rule,
                    field: failure["field"]?.stringValue))
        }
        let sequences = response["sequences"]?.arrayValue?.compactMap { $0.intValue.map { UInt64($0) } } ?? []
        let duplicates = response["duplicates"]?.arrayValue?.compactMap(\.boolValue) ?? []
        return .success(AppendResult(sequences: sequences, duplicates: duplicates))
    }
}
