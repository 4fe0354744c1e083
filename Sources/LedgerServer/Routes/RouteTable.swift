import HTTPTypes
import Hummingbird

/// Registers routes on the router and remembers each (method, path), so the OpenAPI document
/// can be checked against the routes that really exist.
final class RouteTable {
    let router: Router<LedgerRequestContext>
    private(set) var entries: [(method: String, path: String)] = []

    init(router: Router<LedgerRequestContext>) { self.router = router }

    typealias Handler = @Sendable (Request, LedgerRequestContext) async throws -> Response

    func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(.post, path, handler) }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
        entries.append((method.rawValue, path))
    }
}

/// One group of routes (one file each), registered by `LedgerRouter.build`.
protocol RouteGroup {
    func register(on routes: RouteTable)
}
