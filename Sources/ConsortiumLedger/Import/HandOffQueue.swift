import Domain
import EventStore
import Foundation

/// Import records parsed into log events, handed from the parsing thread to the writer.
struct ParsedChunk: Sendable {
    var events: [NewEvent] = []
    var domainEvents: [DomainEvent] = []
}

/// A bounded hand-over of chunks from one producing thread to one consuming thread.
///
/// Why: parsing JSON and building the log events was about a fifth of an import's CPU time;
/// on a second core it overlaps with rules, hashing and LMDB writes. Bounded, so a fast
/// producer cannot fill memory ahead of a slow consumer.
final class HandOffQueue<Chunk: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Chunk] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Waits for room; returns false once the consumer has cancelled (the producer then stops).
    func put(_ chunk: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
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

    /// The producer is done, normally or with `error` (delivered after the chunks before it).
    func finish(error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The consumer gives up (an error, or the transaction restarts): unblocks the producer.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
    }
}
