import Foundation
import Synchronization

/// Wakes feed followers when events commit. Every commit of the group commit the server
/// appends through pulses it — HTTP appends and the Unix socket's alike (see
/// `GroupCommitQueue.observeCommits`); writers outside it (a direct `ledger import`) are seen by
/// the followers' periodic re-read.
final class CommitSignal: Sendable {
    private struct Waiter {
        var continuation: CheckedContinuation<Void, Never>
        var timer: Task<Void, Never>?
    }

    private struct State {
        /// Pulses so far: a follower that read the log at generation G and waits "since G"
        /// returns at once if a commit came in between, so no wake-up is lost.
        var generation: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
        var nextId: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The pulses so far; read it before reading the log, then `wait(since:)` it.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Wakes every waiting follower.
    func pulse() {
        let woken = state.withLock { state -> [Waiter] in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in woken {
            waiter.timer?.cancel()
            waiter.continuation.resume()
        }
    }

    /// Returns at the first pulse after `generation` (at once if there was one already), or after
    /// `timeout` seconds, whichever is first. Whoever removes the waiter under the lock resumes
    /// it, so it is resumed exactly once.
    func wait(since generation: UInt64, timeout: Double) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id = state.withLock { state -> UInt64? in
                guard state.generation == generation else { return nil }
                state.nextId &+= 1
                state.waiters[state.nextId] = Waiter(continuation: continuation)
                return state.nextId
            }
            guard let id else { return continuation.resume() }
            let timer = Task { [self] in
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                guard !Task.isCancelled else { return }
                state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
            }
            // Kept so a pulse ends the sleep (a long re-read interval leaves no sleeping tasks behind).
            let stored = state.withLock { state -> Bool in
                guard state.waiters[id] != nil else { return false }
                state.waiters[id]?.timer = timer
                return true
            }
            if !stored { timer.cancel() }
        }
    }
}
