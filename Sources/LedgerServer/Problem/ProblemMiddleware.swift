import HTTPTypes
import Hummingbird
import NIOHTTP1

/// Makes every error an RFC 9457 problem document: Hummingbird's own (404 for an unknown
/// route, 405, a body over a limit) and anything unexpected (500, logged, detail withheld).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = LedgerRequestContext
    let api: LedgerAPI

    func handle(
        _ request: Request, context: LedgerRequestContext,
        next: (Request, LedgerRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as HTTPParserError {
            // Broken framing met while a route reads the body (a bad chunk size, say): the
            // client's fault, not the server's.
            throw Problem(
                .badRequest, code: "malformedRequest", title: "Malformed HTTP request",
                detail: "the request body's HTTP framing is broken (\(error)); nothing was written")
        } catch let error as any HTTPResponseError {
            throw Problem(
                error.status, code: Self.code(error.status), title: error.status.reasonPhrase,
                detail: Self.detail(error.status, request))
        } catch {
            api.logger.error("unexpected error on \(request.method.rawValue) \(request.uri.path): \(error)")
            throw Problem(
                .internalServerError, code: "internal", title: "Internal error",
                detail: "the request failed inside the server; nothing was written")
        }
    }

    static func code(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "notFound"
        case .methodNotAllowed: "methodNotAllowed"
        case .contentTooLarge: "bodyTooLarge"
        case .badRequest: "badRequest"
        default: "http\(status.code)"
        }
    }

    static func detail(_ status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound:
            "no such endpoint: \(request.method.rawValue) \(request.uri.path.prefix(200)) (see /v1/openapi.json)"
        case .methodNotAllowed: "\(request.method.rawValue) is not allowed on \(request.uri.path.prefix(200))"
        case .contentTooLarge: "the request body is larger than this endpoint accepts"
        default: status.reasonPhrase
        }
    }
}
