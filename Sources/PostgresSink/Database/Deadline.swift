import Foundation

/// A time limit that holds even when the limited operation never returns.
///
/// A task group would wait for its cancelled child, and a database client waiting on a
/// connection that died without saying so (a frozen server, a dropped network, a lost
/// wake-up inside the driver) never returns. So the operation runs in a task of its own and
/// the caller resumes on whichever comes first, the operation's result or the deadline;
/// `onExpiry` then closes the connection, which ends the operation in every case the driver
/// handles, and otherwise leaves one abandoned task behind, never a hung sink.
enum Deadline {
    /// The deadline passed before the operation answered.
    struct Expired: Error {}

    static func run<R: Sendable>(
        within limit: Duration, onExpiry: @escaping @Sendable () -> Void,
        operation: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        let race = Race<R>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<R, any Error>) in
                race.arm(continuation)
                let work = Task {
                    do {
                        race.finish(.success(try await operation()))
                    } catch {
                        race.finish(.failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: limit)
                    guard !Task.isCancelled, race.finish(.failure(Expired())) else { return }
                    onExpiry()
                    work.cancel()
                }
                race.attach(work, timer)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }
}

/// The first of the operation and the timer to finish resumes the caller; the other is
/// cancelled (the timer's sleep ends at once, so no task outlives a finished operation).
///
/// `@unchecked Sendable`: every field is read and written under `lock`.
private final class Race<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<R, any Error>?
    private var pending: Result<R, any Error>?
    private var done = false
    private var tasks: [Task<Void, Never>] = []

    func arm(_ continuation: CheckedContinuation<R, any Error>) {
        lock.lock()
        if let pending {
            // Cancelled before the continuation existed.
            lock.unlock()
            continuation.resume(with: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func attach(_ work: Task<Void, Never>, _ timer: Task<Void, Never>) {
        lock.lock()
        let finished = done
        if !finished { tasks = [work, timer] }
        lock.unlock()
        if finished {
            work.cancel()
            timer.cancel()
        }
    }

    /// Resumes the caller unless something already did; true when this call did.
    @discardableResult
    func finish(_ result: Result<R, any Error>) -> Bool {
        lock.lock()
        guard !done else {
            lock.unlock()
            return false
        }
        done = true
        let continuation = continuation
        self.continuation = nil
        if continuation == nil { pending = result }
        let tasks = tasks
        self.tasks = []
        lock.unlock()
        continuation?.resume(with: result)
        for task in tasks { task.cancel() }
        return true
    }
}
