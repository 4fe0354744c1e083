import ConsortiumLedger
import Domain
import Foundation
import NIOCore

/// A `POST /v1/events` body parsed into import lines, with their member signatures when the
/// submitter sent them; every problem is a 400/422 naming the line and the field.
struct EventSubmission {
    let lines: [ImportLine]
    let appendRequest: AppendRequest

    init(body: ByteBuffer, signatures: String?, maxEvents: Int) throws {
        let bytes = Array(body.readableBytesView)
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw Problem(
                .badRequest, code: "malformedJSON", title: "The body is not JSON",
                detail: "expected one import line (a JSON object) or an array of them: \(error)", line: 1)
        }
        let elements: [JSONValue]
        if case .array(let items) = value { elements = items } else { elements = [value] }
        guard !elements.isEmpty else {
            throw Problem(
                .unprocessableContent, code: "emptyBatch", title: "No events", detail: "the array holds no event")
        }
        guard elements.count <= maxEvents else {
            throw Problem(
                .contentTooLarge, code: "tooManyEvents", title: "Too many events",
                detail:
                    "at most \(maxEvents) events per request, got \(elements.count); split them over several requests")
        }
        var lines: [ImportLine] = []
        lines.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                lines.append(try ImportLine.parse(element))
            } catch {
                throw Problem(
                    .unprocessableContent, code: error.code.rawValue, title: "Event does not match its schema",
                    detail: "line \(index + 1): \(error.field): \(error.secretaryMessage)", line: index + 1,
                    field: error.field)
            }
        }
        self.lines = lines
        guard let signatures, !signatures.isEmpty else {
            appendRequest = try AppendRequest(lines: lines)
            return
        }
        let parts = signatures.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == lines.count else {
            throw Problem(
                .unprocessableContent, code: "signatureCount", title: "Signatures do not match the events",
                detail:
                    "X-Member-Signature holds \(parts.count) signatures for \(lines.count) events (one KEYID:BASE64 per event, in order)",
                field: "X-Member-Signature")
        }
        var prepared: [PreparedLine] = []
        for (index, (line, part)) in zip(lines, parts).enumerated() {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, let signature = Data(base64Encoded: String(pieces[1])), let id = line.id else {
                throw Problem(
                    .unprocessableContent, code: "malformedSignature", title: "Malformed member signature",
                    detail: "line \(index + 1): a signed event needs an \"id\" and a signature KEYID:BASE64",
                    line: index + 1, field: line.id == nil ? "id" : "X-Member-Signature")
            }
            prepared.append(
                PreparedLine(line: line, id: id, signature: Array(signature), signerKeyId: String(pieces[0])))
        }
        appendRequest = AppendRequest(prepared: prepared)
    }
}
