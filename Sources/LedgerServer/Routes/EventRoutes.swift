import ConsortiumLedger
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /v1/events`: one import line or a JSON array of them (≤ 10,000), appended all or
/// nothing through the group commit and acknowledged only after the synced commit.
struct EventRoutes: RouteGroup {
    static let maxEventsPerRequest = 10_000
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.post("/v1/events") { request, context in
            let caller = try context.requireCaller()
            guard caller.mayWrite else {
                api.logRefusal("role \(caller.role.rawValue) may not record events", request: request, context: context)
                throw Problem.forbidden(
                    "a \(caller.role.rawValue) token reads only; recording needs a secretariat or member token")
            }
            guard !api.isStopping else { throw Self.unavailable }
            let body = try await Self.collect(request, limit: api.configuration.maxBodyBytes)
            let submission = try EventSubmission(
                body: body, signatures: request.headers[.memberSignature], maxEvents: Self.maxEventsPerRequest)
            for (index, line) in submission.lines.enumerated()
            where caller.role == .member && line.actor != caller.member {
                api.logRefusal(
                    "member \(caller.member) tried to record as \(line.actor)", request: request, context: context)
                throw Problem.forbidden(
                    "line \(index + 1): actor \(line.actor) is not this token's member \(caller.member); "
                        + "a member token records only its own events", line: index + 1, field: "actor")
            }
            let outcome = await api.append(submission.appendRequest)
            switch outcome {
            case .success(let result):
                let written = result.duplicates.filter { !$0 }.count
                api.metrics.countAppended(written)
                let sequences = result.sequences.map(String.init).joined(separator: ",")
                let duplicates = result.duplicates.map { $0 ? "true" : "false" }.joined(separator: ",")
                return Response.json(
                    "{\"sequences\":[\(sequences)],\"duplicates\":[\(duplicates)]}\n",
                    status: written == 0 ? .ok : .created)
            case .failure(let error):
                throw Self.problem(for: error, request: request, context: context, api: api)
            }
        }
    }

    static let unavailable = Problem(
        .serviceUnavailable, code: "shuttingDown", title: "Shutting down",
        detail: "the ledger service is stopping; nothing was written, send again later")

    /// The body, or 413 before reading more than `limit` bytes.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> Problem {
        Problem(
            .contentTooLarge, code: "bodyTooLarge", title: "Request body too large",
            detail:
                "a request body may hold at most \(limit / (1024 * 1024)) MiB; split the events over several requests")
    }

    static func problem(for error: any Error, request: Request, context: LedgerRequestContext, api: LedgerAPI)
        -> Problem
    {
        guard let refusal = AppendRefusal(error) else {
            api.logger.error("append failed: \(error)")
            return Problem(
                .internalServerError, code: "internal", title: "The append failed",
                detail: "the ledger could not record the events; nothing was written")
        }
        let line = refusal.index.map { $0 + 1 }
        switch refusal.kind {
        case .conflict:
            return Problem(
                .conflict, code: refusal.code, title: "Conflict", detail: refusal.message, line: line,
                field: refusal.field)
        case .rejected:
            return Problem(
                .unprocessableContent, code: refusal.code, title: "Event refused by the ledger's rules",
                detail: refusal.message, line: line ?? 1, field: refusal.field)
        case .unavailable:
            return unavailable
        }
    }
}

extension HTTPField.Name {
    /// Member signatures of the submitted events, `KEYID:BASE64SIG` each, comma-separated in order.
    static let memberSignature = HTTPField.Name("X-Member-Signature")!
}

extension LedgerAPI {
    /// Hands `request` to the group commit and resumes once its group is synced (or refused).
    func append(_ request: AppendRequest) async -> Result<AppendedEvents, any Error> {
        await withCheckedContinuation { continuation in
            queue.submit(request) { outcome in
                continuation.resume(
                    returning: outcome.map { AppendedEvents(sequences: $0.sequences, duplicates: $0.duplicates) })
            }
        }
    }
}

/// What an acknowledged append recorded: each event's sequence, and which were already recorded.
struct AppendedEvents: Sendable {
    var sequences: [UInt64]
    var duplicates: [Bool]
}
