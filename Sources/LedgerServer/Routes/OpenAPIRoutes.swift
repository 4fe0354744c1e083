import Foundation
import Hummingbird

/// `GET /v1/openapi.json`: the OpenAPI 3.1 description of this API, shipped in the binary.
struct OpenAPIRoutes: RouteGroup {
    /// The document's text (from the module's resources).
    static let document: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }()

    func register(on routes: RouteTable) {
        routes.get("/v1/openapi.json") { _, _ in .json(Self.document) }
    }
}

/// The API description, for tests and tools.
public enum LedgerOpenAPI {
    public static var document: String { OpenAPIRoutes.document }
}
