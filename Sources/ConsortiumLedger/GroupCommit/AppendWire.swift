import Domain
import EventStore
import Foundation

/// The append service's wire format: one JSON object per line each way, responses in the
/// order of the requests on that connection.
enum AppendWire {
    struct Request: Codable {
        var events: [Event]
    }

    /// An event as its import line, plus the id and signature the client fixed.
    struct Event: Codable {
        var json: String
        var id: String
        var signature: [UInt8]?
        var signerKeyId: String?
    }

    struct Response: Codable {
        var sequences: [UInt64]?
        var duplicates: [Bool]?
        var error: Failure?
    }

    /// An error carried with its type and code, so the client rethrows the very error
    /// (and message) the direct path would have thrown.
    struct Failure: Codable {
        var kind: String
        var code: String
        var message: String
    }

    /// A request line: each event as the JSON text the client parsed (the server parses the same
    /// text, so no field is reformatted on the way) with its fixed id and signature.
    static func encode(_ batch: [(json: String, prepared: PreparedLine)]) throws -> [UInt8] {
        let events = batch.map { item in
            Event(
                json: item.json, id: item.prepared.id, signature: item.prepared.signature,
                signerKeyId: item.prepared.signerKeyId)
        }
        return Array(try JSONEncoder().encode(Request(events: events))) + [0x0A]
    }

    /// The request's batch; throws `LedgerError(.invalidInput)` naming the field of a bad line.
    static func decodeRequest(_ line: [UInt8]) throws -> AppendRequest {
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: Data(line))
        } catch {
            throw LedgerError(.invalidInput, "the append service got a request it cannot read: \(error)")
        }
        let prepared = try request.events.map { event in
            let line: ImportLine
            do {
                line = try ImportLine.parse(json: event.json)
            } catch let error as ImportFieldError {
                throw LedgerError(.invalidInput, "\(error.field): \(error.secretaryMessage)")
            }
            return PreparedLine(line: line, id: event.id, signature: event.signature, signerKeyId: event.signerKeyId)
        }
        return AppendRequest(prepared: prepared)
    }

    static func encode(_ outcome: Result<AppendResult, any Error>) -> [UInt8] {
        var response = Response()
        switch outcome {
        case .success(let result):
            response.sequences = result.sequences
            response.duplicates = result.duplicates
        case .failure(let error as LedgerError):
            response.error = Failure(kind: "ledger", code: error.code.rawValue, message: error.message)
        case .failure(let error as EventStoreError):
            response.error = Failure(kind: "eventStore", code: error.code.rawValue, message: error.message)
        case .failure(let error):
            response.error = Failure(kind: "other", code: "", message: String(describing: error))
        }
        return Array((try? JSONEncoder().encode(response)) ?? Data(#"{"error":{"kind":"other","code":"","message":"unencodable"}}"#.utf8)) + [0x0A]
    }

    static func decodeResponse(_ line: [UInt8]) throws -> Result<AppendResult, any Error> {
        let response = try JSONDecoder().decode(Response.self, from: Data(line))
        if let failure = response.error {
            if failure.kind == "eventStore", let code = EventStoreError.Code(rawValue: failure.code) {
                return .failure(EventStoreError(code, failure.message))
            }
            return .failure(LedgerError(LedgerError.Code(rawValue: failure.code) ?? .io, failure.message))
        }
        return .success(AppendResult(sequences: response.sequences ?? [], duplicates: response.duplicates ?? []))
    }
}
