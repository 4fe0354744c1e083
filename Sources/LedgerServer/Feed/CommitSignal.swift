import Foundation
import Synchronization

/// Wakes feed followers when events commit. Appends through this server pulse it; appends by
/// other writers (the Unix socket, `ledger import`) are seen by the followers' periodic re-read.
final class CommitSignal: Sendable {
    private let waiters = Mutex<[UInt64: CheckedContinuation<Void, Never>]>([:])
    private let nextId = Atomic<UInt64>(0)

    /// Wakes every waiting follower.
    func pulse() {
        let woken = waiters.withLock { current -> [CheckedContinuation<Void, Never>] in
            let all = Array(current.values)
            current.removeAll()
            return all
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns at the next pulse, or after `timeout` seconds, whichever is first. Whoever
    /// removes the continuation under the lock resumes it, so it is resumed exactly once.
    func wait(timeout: Double) async {
        let id = nextId.add(1, ordering: .relaxed).newValue
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiters.withLock { $0[id] = continuation }
            Task { [self] in
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                waiters.withLock { $0.removeValue(forKey: id) }?.resume()
            }
        }
    }
}
