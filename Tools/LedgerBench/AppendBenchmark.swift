import EventStore
import Foundation
import LMDB

/// Durable appends through the event store: batched and one event per commit.
struct AppendBenchmark {
    let scratch: String

    static func event(_ n: Int, payload: [UInt8]) -> NewEvent {
        NewEvent(
            id: "bench-\(n)", type: "ApprenticeEnrolled", stream: "person-p\(n % 50_000)",
            occurredAt: 1_725_148_800_000 + Int64(n), actor: "school-\(n % 20)", payload: payload)
    }

    /// Events per second appending `events` events in commits of `batch`.
    func run(events: Int, batch: Int) throws -> Double {
        let path = scratch + "/append-\(events)-\(batch)"
        try? FileManager.default.removeItem(atPath: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = Environment.Options()
        options.initialMapSize = 1 << 30
        let store = try EventStore.create(path: path, options: options)
        // ~220-byte payload so that the whole record is about the anchor's 300 bytes.
        let payload = (0..<220).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var pending: [NewEvent] = []
        pending.reserveCapacity(batch)
        let start = now()
        for n in 0..<events {
            pending.append(Self.event(n, payload: payload))
            if pending.count == batch || n == events - 1 {
                try store.append(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        let seconds = now() - start
        guard try store.head().sequence == UInt64(events) else { throw BenchError("append lost events") }
        return Double(events) / seconds
    }
}
