import Hummingbird

/// The service's router, built in one place: middleware first, then every route group. A new
/// group (the dashboard, mirrors, witnesses) is one more line here and one more file.
public enum LedgerRouter {
    /// The router and the (method, path) of every route it serves.
    public static func build(api: LedgerAPI) -> (
        router: Router<LedgerRequestContext>, routes: [(method: String, path: String)]
    ) {
        let router = Router(context: LedgerRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: api.metrics))
        router.add(middleware: ProblemMiddleware(api: api))
        router.add(middleware: AuthMiddleware(api: api))
        let table = RouteTable(router: router)
        let groups: [any RouteGroup] = [
            HealthRoutes(api: api),
            SessionRoutes(api: api),
            EventRoutes(api: api),
            LogRoutes(api: api),
            FeedRoutes(api: api),
            TierRoutes(api: api),
            TransparencyRoutes(api: api),
            OpenAPIRoutes(),
            DashboardRoutes(api: api),
        ]
        for group in groups { group.register(on: table) }
        return (router, table.entries)
    }
}
