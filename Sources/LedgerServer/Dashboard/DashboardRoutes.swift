import ConsortiumLedger
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The council dashboard, served by the ledger process itself: `GET /` (the council year),
/// `/dashboard/{page}`, the script and stylesheet under `/dashboard/assets/`, and the three
/// small JSON endpoints the pages need besides the tier queries: who is logged in
/// (`GET /v1/session`), log out (`POST /v1/session/end`) and the ledger's health (`GET /v1/health`).
///
/// Pages and assets need no token (they hold no figures); every figure comes from an API call
/// that does, so a role sees on a page exactly what it may read through the API.
struct DashboardRoutes: RouteGroup {
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        // HTML and assets are not API operations: registered on the router directly, so the
        // OpenAPI document lists only JSON endpoints.
        let router = routes.router
        router.get("/") { request, _ in Self.page("council", request) }
        router.get("/dashboard") { request, _ in Self.page("council", request) }
        router.get("/dashboard/:page") { request, context in
            guard let name = context.parameters.get("page"), DashboardPage.names.contains(name) else {
                throw Problem.notFound(
                    "no dashboard page here; the pages are \(DashboardPage.names.joined(separator: ", "))")
            }
            return Self.page(name, request)
        }
        router.get("/dashboard/assets/app.js") { request, _ in
            Self.asset(DashboardAssets.script, type: "text/javascript; charset=utf-8", request)
        }
        router.get("/dashboard/assets/app.css") { request, _ in
            Self.asset(DashboardAssets.style, type: "text/css; charset=utf-8", request)
        }

        routes.get("/v1/session") { _, context in
            // 200 either way: a page asks this before it knows whether to show the log-in form.
            guard let caller = context.caller else { return .json("{\"authenticated\":false}\n") }
            let health = try api.ledger.health()
            return .json(DashboardJSON.session(caller: caller, health: health))
        }
        routes.post("/v1/session/end") { _, _ in
            var response = Response.json("{\"authenticated\":false}\n")
            let secure = api.configuration.usesTLS ? "; Secure" : ""
            response.headers[.setCookie] =
                "\(SessionRoutes.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict\(secure)"
            return response
        }
        routes.get("/v1/health") { _, context in
            _ = try context.requireCaller()
            do {
                return .json(DashboardJSON.health(try api.ledger.health()))
            } catch {
                throw Problem.reading(error)
            }
        }
    }

    /// Headers every dashboard document carries: nothing but this origin may run or frame it.
    static let securityHeaders: HTTPFields = {
        var headers = HTTPFields()
        if let csp = HTTPField.Name("Content-Security-Policy") {
            headers[csp] =
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
        if let referrer = HTTPField.Name("Referrer-Policy") { headers[referrer] = "no-referrer" }
        return headers
    }()

    static func page(_ name: String, _ request: Request) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let language = DashboardPage.Language(query: request.uri.queryParameters["lang"].map(String.init))
        return Response(
            status: .ok, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: DashboardPage.html(page: name, language: language))))
    }

    /// A script or stylesheet, revalidated by its tag (304 when the browser has this version).
    static func asset(_ text: String, type: String, _ request: Request) -> Response {
        var headers = securityHeaders
        let etag = "\"\(DashboardAssets.tag)\""
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
