import ConsortiumLedger
import Hummingbird
import NIOCore

/// `GET /v1/events?from=SEQ&limit=N`: NDJSON, each line as `ledger log --format jsonl` prints
/// it. For the secretariat and auditors (the log holds every member's events).
struct LogRoutes: RouteGroup {
    static let defaultLimit = 1_000
    static let maxLimit = 10_000
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.get("/v1/events") { request, context in
            try api.requireLogReader(request, context)
            let from = try request.query.unsigned("from") ?? 1
            let limit = try request.query.int("limit", in: 1...Self.maxLimit) ?? Self.defaultLimit
            var buffer = ByteBuffer()
            do {
                try api.ledger.forEachEventLine(from: from, limit: limit) { _, line in
                    buffer.writeBytes(line)
                    buffer.writeInteger(UInt8(ascii: "\n"))
                }
            } catch {
                throw Problem.reading(error)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/x-ndjson"], body: .init(byteBuffer: buffer))
        }
    }
}

extension LedgerAPI {
    /// 401 without a token, 403 (logged) unless the secretariat or an auditor.
    func requireLogReader(_ request: Request, _ context: LedgerRequestContext) throws {
        let caller = try context.requireCaller()
        guard caller.readsLog else {
            logRefusal("role \(caller.role.rawValue) may not read the log", request: request, context: context)
            throw Problem.forbidden("the log and the feed are for secretariat and auditor tokens")
        }
    }
}
