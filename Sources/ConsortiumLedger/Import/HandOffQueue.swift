import Domain
import EventStore
import Foundation
import Projections

/// Import records parsed into log events, handed from the parsing thread to the fold thread,
/// and from there to the writer.
struct ParsedChunk: Sendable {
    var events: [NewEvent] = []
    var domainEvents: [DomainEvent] = []
    /// Where the shadow's fold puts each event (nil: the log already holds it).
    var foldContexts: [EventContext?] = []
    /// Read-model snapshots the shadow closed while parsing these events (or an earlier chunk's
    /// last event), stored by the writer once it has appended them.
    var snapshotCuts: [SnapshotCut] = []
}

/// A bounded hand-over of chunks from a producer, on a thread the queue starts, to one
/// consuming thread.
///
/// Why: parsing JSON and building the log events was about a fifth of an import's CPU time;
/// on a second core it overlaps with rules, hashing and LMDB writes. Bounded, so a fast
/// producer cannot fill memory ahead of a slow consumer.
///
/// `@unchecked Sendable`: every field is guarded by `condition` (an `NSCondition`: producer and
/// consumer wait on it), which `Locked` does not offer.
final class HandOffQueue<Chunk: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Chunk] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int
    private let producerDone = DispatchSemaphore(value: 0)
    /// Touched only by the consumer's thread.
    private var producerRunning = false

    /// What `put` throws once the consumer has stopped the queue: the producer then unwinds.
    struct ConsumerGaveUp: Error {}

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Runs `produce` on a thread of its own; however it ends — returning or throwing — ends
    /// the queue, and its error reaches the consumer after the chunks before it.
    func start(producer produce: @escaping @Sendable () throws -> Void) {
        producerRunning = true
        let thread = Thread { [self] in
            defer { producerDone.signal() }
            do {
                try produce()
                finish()
            } catch {
                finish(error: error)
            }
        }
        // The JSON parser recurses per nesting level; give it the main thread's room.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for room; throws ``ConsumerGaveUp`` once the consumer has stopped the queue.
    func put(_ chunk: Chunk) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw ConsumerGaveUp() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// The next chunk, nil when the producer has finished, or the producer's error.
    func take() throws -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    private func finish(error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Stops the producer if it still runs (unblocking it) and waits for its thread to end;
    /// called by the consumer when it is done or gives up. Idempotent.
    func stop() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
        guard producerRunning else { return }
        producerRunning = false
        producerDone.wait()
    }
}
