import Dispatch
import Domain

/// One thread's share of a pipelined replay: owns some read models and folds the chunks it is
/// handed, in the order handed, on a serial queue of its own.
///
/// `@unchecked Sendable` is sound because `state` and `failure` are touched only by blocks on
/// `queue` until `finish()`, whose `queue.sync` orders every earlier block before the caller
/// reads them; `slots` only bounds how many chunks wait (memory, and how far decoding runs ahead).
final class FoldWorker<State: Sendable>: @unchecked Sendable {
    typealias Chunk = [(DomainEvent, EventContext)]

    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let fold: @Sendable (inout State, Chunk) throws -> Void
    private var state: State
    private var failure: (any Error)?

    init(label: String, state: State, maxQueued: Int = 4, fold: @escaping @Sendable (inout State, Chunk) throws -> Void)
    {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: maxQueued)
        self.state = state
        self.fold = fold
    }

    /// Queues a chunk, waiting while `maxQueued` chunks are already waiting. After a failure
    /// later chunks are dropped: the error is what `finish()` reports.
    func submit(_ chunk: Chunk) {
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            self.perform { try self.fold(&$0, chunk) }
        }
    }

    /// Queues `last` to run on the worker after every chunk queued so far, without waiting
    /// (skipped after a failure): several workers then finish side by side before `finish()`.
    func submitLast(_ last: @escaping @Sendable (inout State) throws -> Void) {
        queue.async { self.perform(last) }
    }

    /// Waits for every queued block and returns the state, or the first error any of them threw.
    func finish() throws -> State {
        try queue.sync {
            if let failure { throw failure }
        }
        return state
    }

    /// Runs `body` on the state unless an earlier block failed; keeps the first failure. Only
    /// from a block on `queue`.
    private func perform(_ body: (inout State) throws -> Void) {
        guard failure == nil else { return }
        do {
            try body(&state)
        } catch {
            failure = error
        }
    }
}
