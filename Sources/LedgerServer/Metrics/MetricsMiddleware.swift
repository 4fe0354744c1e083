import Foundation
import Hummingbird

/// Times every request and counts it by its route pattern (not the raw path, so a flood of
/// odd paths cannot grow the metrics without bound).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = LedgerRequestContext
    let metrics: ServiceMetrics

    func handle(
        _ request: Request, context: LedgerRequestContext,
        next: (Request, LedgerRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        do {
            let response = try await next(request, context)
            metrics.record(
                method: request.method.rawValue, route: route, status: response.status.code, seconds: seconds())
            return response
        } catch let error as any HTTPResponseError {
            metrics.record(method: request.method.rawValue, route: route, status: error.status.code, seconds: seconds())
            throw error
        } catch {
            metrics.record(method: request.method.rawValue, route: route, status: 500, seconds: seconds())
            throw error
        }
    }
}
