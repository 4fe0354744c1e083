import Foundation
import Hummingbird

/// `POST /v1/session`: a browser trades its token (bearer header, or a form/JSON body field
/// `token`) for an HttpOnly, SameSite=Strict cookie, so page scripts never hold the token.
struct SessionRoutes: RouteGroup {
    static let cookieName = "ledger_session"
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.post("/v1/session") { request, context in
            var secret = AuthMiddleware.presentedSecret(request)
            if secret == nil || secret == "" {
                let body = try await request.body.collect(upTo: 64 * 1024)
                secret = Self.tokenField(String(buffer: body))
            }
            guard let secret, !secret.isEmpty else {
                throw Problem.unauthorized("send the token as Authorization: Bearer TOKEN or as field \"token\"")
            }
            switch api.authenticate(secret: secret) {
            case .failure(let reason):
                api.logRefusal(reason, request: request, context: context)
                throw Problem.unauthorized("the token is not accepted: \(reason)")
            case .success(let caller):
                var response = Response.json(
                    "{\"member\":\(Problem.quote(caller.member)),\"role\":\"\(caller.role.rawValue)\"}\n")
                // Written by hand: Hummingbird's Cookie initialiser has no SameSite parameter.
                let secure = api.configuration.usesTLS ? "; Secure" : ""
                response.headers[.setCookie] =
                    "\(Self.cookieName)=\(secret); Path=/; HttpOnly; SameSite=Strict\(secure)"
                return response
            }
        }
    }

    /// `token=…` (form) or `{"token":"…"}` (JSON).
    static func tokenField(_ body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{"), let data = trimmed.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            return object["token"] as? String
        }
        for pair in trimmed.split(separator: "&") where pair.hasPrefix("token=") {
            return String(pair.dropFirst(6)).removingPercentEncoding
        }
        return nil
    }
}
