import ConsortiumLedger
import Hummingbird

/// `GET /v1/council`, `/v1/committee`, `/v1/projects`: exactly the JSON (or, with
/// `Accept: text/csv`, the CSV) of `ledger query … --format json|csv`. A member token sees the
/// council figures, and only the committee pairs and projects that concern it.
struct TierRoutes: RouteGroup {
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.get("/v1/council") { request, context in
            guard let year = try request.query.int("year", in: 1990...2100) else {
                throw Problem.badRequest("year: required, e.g. ?year=2025", field: "year")
            }
            return try answer(.council(year: year), request, context)
        }
        routes.get("/v1/committee") { request, context in
            let query = TierQuery.committee(
                school: request.query.string("school"), enterprise: request.query.string("enterprise"))
            return try answer(query, request, context)
        }
        routes.get("/v1/projects") { request, context in
            try answer(.projects(id: request.query.string("id")), request, context)
        }
    }

    private func answer(_ query: TierQuery, _ request: Request, _ context: LedgerRequestContext) throws -> Response {
        let caller = try context.requireCaller()
        let asOf = try request.query.asOf()
        let csv = request.headers[.accept]?.contains("text/csv") ?? false
        let text: String
        do {
            text = try api.ledger.tierAnswer(
                query, asOf: asOf, format: csv ? .csv : .json, visibleTo: caller.readsEverything ? nil : caller.member)
        } catch {
            throw Problem.reading(error)
        }
        return csv ? .text(text, contentType: "text/csv; charset=utf-8") : .json(text)
    }
}
