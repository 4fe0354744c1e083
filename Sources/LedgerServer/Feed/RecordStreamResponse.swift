import ConsortiumLedger
import Hummingbird
import NIOCore

/// `GET /v1/feed?from=SEQ[&to=SEQ]` with `Accept: application/vnd.consortium-ledger.records`:
/// the stored records themselves, for mirrors (see `RecordStream`): every record from SEQ
/// through `to` or the head as it stands while the response is written, then the response
/// ends. Followers that want new events as they commit take the SSE form.
enum RecordStreamResponse {
    /// Records read per snapshot and written per chunk.
    static let pageSize = 4_096

    /// Whether the request asks for the record stream rather than Server-Sent Events.
    static func isWanted(by request: Request) -> Bool {
        request.headers[.accept]?.contains(RecordStream.mediaType) == true
    }

    static func make(api: LedgerAPI, request: Request, from: UInt64) throws -> Response {
        let to = try request.query.unsigned("to") ?? .max
        guard from <= to else {
            throw Problem.badRequest("to: expected a sequence ≥ from (\(from)), got \(to)", field: "to")
        }
        let body = ResponseBody { writer in
            var next = from
            var frames: [UInt8] = []
            while next <= to, !api.isStopping {
                frames.removeAll(keepingCapacity: true)
                let limit = Int(clamping: min(UInt64(pageSize), to - next + 1))
                let count = try api.ledger.forEachStoredRecord(from: next, limit: limit) { sequence, stored in
                    RecordStream.appendFrame(stored, to: &frames)
                    next = sequence + 1
                }
                if count > 0 { try await writer.write(ByteBuffer(bytes: frames)) }
                if count < limit { break }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: RecordStream.mediaType, .cacheControl: "no-cache"], body: body)
    }
}
