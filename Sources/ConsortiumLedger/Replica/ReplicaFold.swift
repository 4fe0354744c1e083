import Domain
import EventStore
import Foundation
import LMDB
import Projections

/// Decodes a batch of copied records and folds them into the read models on a thread of its
/// own, while the writer verifies and stores the same records: the two halves of a mirror's
/// work per record are about the same size, and a catch-up has nothing else to run beside them.
///
/// It reads a snapshot opened inside the writer's transaction, so it starts from exactly the
/// state the writer starts from (the writer holds LMDB's only write lock), as an import's
/// shadow does. Its writes stay in memory until the writer copies ``finish()``'s result into
/// its transaction. It trusts the records no more than the writer does: a record that does not
/// parse ends the fold (the writer names it); a payload that does not decode is an
/// `UnverifiedRecord`.
///
/// `@unchecked Sendable`: `result` is written only by the fold thread and read only after
/// ``finish()`` has waited for it; `frames` outlives the thread because ``finish()`` is always
/// called before the caller's buffer goes away.
final class ReplicaFold: @unchecked Sendable {
    typealias Writes = [(Database, [(key: [UInt8], value: [UInt8])])]
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Writes, Error> = .success([])
    private var joined = false
    private let frames: UnsafeRawBufferPointer

    init(ledger: Ledger, frames: UnsafeRawBufferPointer, batchStart: UInt64) {
        self.frames = frames
        let thread = Thread { [self] in
            result = Result {
                try ledger.store.read { reader in
                    var projections = try InlineProjections(
                        transaction: reader.transaction, facade: ledger.facade, batchStart: batchStart)
                    for stored in RecordFrames(self.frames) {
                        guard let record = try? RecordView(stored: stored) else { break }
                        let event: DomainEvent
                        do {
                            event = try record.decodedEvent()
                        } catch {
                            throw UnverifiedRecord(
                                sequence: record.sequence,
                                reason: "its \(record.type) payload does not decode: \(error)")
                        }
                        do {
                            try projections.apply(event, record: record)
                        } catch let violation as RuleViolation {
                            // The primary refuses an event whose figures would overflow a read model.
                            throw UnverifiedRecord(
                                sequence: record.sequence,
                                reason: "the primary could not have accepted it: \(violation.message)")
                        }
                    }
                    return try projections.pendingWrites()
                }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the fold and returns its read-model writes, per database in key order.
    func finish() throws -> Writes {
        if !joined {
            done.wait()
            joined = true
        }
        return try result.get()
    }
}
