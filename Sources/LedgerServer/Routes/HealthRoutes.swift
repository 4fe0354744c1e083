import Foundation
import Hummingbird
import NIOCore

/// `GET /healthz` (no token: a load balancer's probe) and `GET /metrics` (Prometheus text).
struct HealthRoutes: RouteGroup {
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.get("/healthz") { _, _ in
            let events = try api.ledger.eventCount()
            let status = api.isStopping ? "stopping" : "ok"
            return Response.json("{\"status\":\"\(status)\",\"events\":\(events)}\n")
        }
        routes.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: api.metrics.render())))
        }
    }
}

extension Response {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
