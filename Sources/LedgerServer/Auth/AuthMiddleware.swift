import ConsortiumLedger
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Resolves `Authorization: Bearer TOKEN` (or the session cookie browsers get from
/// `POST /v1/session`) to a `Caller`. It refuses nothing itself: public routes need no token,
/// and the routes that need one ask `requireCaller`, which answers 401 with the reason.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = LedgerRequestContext
    let api: LedgerAPI

    func handle(
        _ request: Request, context: LedgerRequestContext,
        next: (Request, LedgerRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let secret = Self.presentedSecret(request) {
            switch api.authenticate(secret: secret) {
            case .success(let caller): context.caller = caller
            case .failure(let reason):
                context.credentialProblem = reason.description
                api.logRefusal(reason, request: request, context: context)
            }
        }
        return try await next(request, context)
    }

    /// The bearer token, or the session cookie's value.
    static func presentedSecret(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
            return ""  // present but not a bearer token: refused, not ignored
        }
        return request.cookies[SessionRoutes.cookieName]?.value
    }
}

extension LedgerAPI {
    /// A caller for `secret`, or the reason it is refused (logged by the middleware).
    func authenticate(secret: String) -> Result<Caller, TokenRefusal> {
        guard !secret.isEmpty, secret.utf8.count <= 200 else { return .failure(TokenRefusal("malformed bearer token")) }
        do {
            switch try tokens.verify(secret: secret) {
            case .accepted(let token):
                noteUse(token)
                return .success(Caller(member: token.member, role: token.role, tokenId: token.id))
            case .unknown: return .failure(TokenRefusal("unknown token"))
            case .revoked(let token): return .failure(TokenRefusal("token \(token.id) was revoked"))
            case .expired(let token):
                return .failure(TokenRefusal("token \(token.id) expired on \(token.expires ?? "?")"))
            case .memberWithdrawn(let token):
                return .failure(
                    TokenRefusal("token \(token.id): member \(token.member) has withdrawn from the consortium"))
            }
        } catch {
            return .failure(TokenRefusal("the token could not be checked: \(error)"))
        }
    }

    /// Last use is written at most once a minute per token: each write is a synced transaction.
    private func noteUse(_ token: ServiceToken) {
        let now = Date()
        let due = lastUseWritten.withLock { written -> Bool in
            if let last = written[token.id], now.timeIntervalSince(last) < 60 { return false }
            written[token.id] = now
            return true
        }
        guard due else { return }
        let book = tokens
        DispatchQueue.global().async { try? book.touch(token) }
    }

    /// Every refusal goes to the log with the route, the peer and the reason (never the secret).
    func logRefusal(_ reason: CustomStringConvertible, request: Request, context: LedgerRequestContext) {
        metrics.countRefusal()
        logger.warning(
            "refused",
            metadata: [
                "reason": .string(reason.description), "method": .string(request.method.rawValue),
                "path": .string(request.uri.path), "peer": .string(context.remoteAddress),
                "member": .string(context.caller?.member ?? "-"),
            ])
    }
}

/// Why a presented token does not authenticate.
struct TokenRefusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension LedgerRequestContext {
    /// The caller, or 401 saying why (no token, or which check the token failed).
    func requireCaller() throws -> Caller {
        if let caller { return caller }
        throw Problem.unauthorized(
            credentialProblem.map { "the token is not accepted: \($0)" }
                ?? "this endpoint needs a token: send Authorization: Bearer TOKEN (see `ledger token issue`)")
    }
}
