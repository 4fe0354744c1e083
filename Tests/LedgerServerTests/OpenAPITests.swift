import Foundation
import LedgerServer
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func itsPathsAndMethodsAreExactlyTheRoutesServed() async throws {
        try await withServer { server in
            let served = try await server.request(.GET, "/v1/openapi.json")
            #expect(served.status == 200)
            let document = jsonObject(served.body)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map {
                        "\($0.uppercased()) \(path)"
                    }
                })
            // The router writes parameters as :name, OpenAPI as {name}.
            let routed = Set(
                server.server.routes.map { route in
                    let path = route.path.split(separator: "/", omittingEmptySubsequences: false).map { part in
                        part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                    }.joined(separator: "/")
                    return "\(route.method) \(path)"
                })
            #expect(documented == routed)
            #expect(routed.count >= 14)
        }
    }
}
