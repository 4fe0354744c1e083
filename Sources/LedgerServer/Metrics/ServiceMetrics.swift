import ConsortiumLedger
import Foundation
import Synchronization

/// Counters for `/metrics`, in the Prometheus text format: requests by route and status,
/// request latencies per route (a histogram), refusals, and the group commit's commits and
/// batches (their ratio is the mean group size).
final class ServiceMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]

    private struct RouteLatency {
        var counts = [UInt64](repeating: 0, count: ServiceMetrics.buckets.count)
        var total: UInt64 = 0
        var sum: Double = 0
    }

    private struct State {
        var requests: [String: UInt64] = [:]
        var latencies: [String: RouteLatency] = [:]
        var refusals: UInt64 = 0
        var appendedEvents: UInt64 = 0
    }

    private let state = Mutex(State())
    private let queue: GroupCommitQueue

    init(queue: GroupCommitQueue) { self.queue = queue }

    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["method=\"\(method)\",route=\"\(route)\",status=\"\(status)\"", default: 0] += 1
            var latency = state.latencies[route] ?? RouteLatency()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { latency.counts[index] += 1 }
            latency.total += 1
            latency.sum += seconds
            state.latencies[route] = latency
        }
    }

    func countRefusal() { state.withLock { $0.refusals += 1 } }
    func countAppended(_ events: Int) { state.withLock { $0.appendedEvents += UInt64(events) } }

    /// The exposition text.
    func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP ledger_http_requests_total HTTP requests answered, by method, route and status.\n"
        out += "# TYPE ledger_http_requests_total counter\n"
        for key in snapshot.requests.keys.sorted() {
            out += "ledger_http_requests_total{\(key)} \(snapshot.requests[key] ?? 0)\n"
        }
        out += "# HELP ledger_http_request_duration_seconds Time from request to response head, by route.\n"
        out += "# TYPE ledger_http_request_duration_seconds histogram\n"
        for route in snapshot.latencies.keys.sorted() {
            guard let latency = snapshot.latencies[route] else { continue }
            for (index, bound) in Self.buckets.enumerated() {
                out +=
                    "ledger_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(latency.counts[index])\n"
            }
            out += "ledger_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(latency.total)\n"
            out += "ledger_http_request_duration_seconds_sum{route=\"\(route)\"} \(latency.sum)\n"
            out += "ledger_http_request_duration_seconds_count{route=\"\(route)\"} \(latency.total)\n"
        }
        out += "# HELP ledger_auth_refusals_total Requests whose token was refused or whose caller was not allowed.\n"
        out += "# TYPE ledger_auth_refusals_total counter\nledger_auth_refusals_total \(snapshot.refusals)\n"
        out += "# HELP ledger_appended_events_total Events appended through HTTP (duplicates not counted).\n"
        out += "# TYPE ledger_appended_events_total counter\nledger_appended_events_total \(snapshot.appendedEvents)\n"
        let commits = queue.commitCount
        let batches = queue.batchCount
        out += "# HELP ledger_group_commits_total Synced write transactions of the HTTP group commit.\n"
        out += "# TYPE ledger_group_commits_total counter\nledger_group_commits_total \(commits)\n"
        out += "# HELP ledger_group_batches_total Append requests the group commit took (appended or rejected).\n"
        out += "# TYPE ledger_group_batches_total counter\nledger_group_batches_total \(batches)\n"
        out += "# HELP ledger_group_size_mean Mean number of append requests per commit.\n"
        out += "# TYPE ledger_group_size_mean gauge\n"
        out += "ledger_group_size_mean \(commits == 0 ? 0 : Double(batches) / Double(commits))\n"
        return out
    }
}
