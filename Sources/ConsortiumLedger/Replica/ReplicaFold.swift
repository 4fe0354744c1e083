import Domain
import EventStore
import Foundation
import LMDB
import Projections

/// Decodes a batch of copied records and folds them into the read models, for a
/// ``VerbatimCopier`` on a thread of its own while the writer stores the batch before.
///
/// It reads a snapshot that holds every batch before but perhaps the last one, which the
/// writer may still be storing: that batch's read-model writes are carried over and read as
/// the current state (``InlineProjections``' `pending`). Its own writes stay in memory until
/// the writer copies them into the transaction that stores the batch. It trusts the records
/// no more than the writer does: a record that does not parse ends the fold (the check names
/// it); a payload that does not decode is an `UnverifiedRecord`.
struct ReplicaFold {
    typealias Writes = [(Database, [(key: [UInt8], value: [UInt8])])]
    /// The writes of the batch folded last.
    private var last: Writes = []

    /// Folds the records of `frames` (whole `RecordStream` frames), the first of which has
    /// sequence `batchStart`, and returns the read-model writes, per database in key order.
    mutating func fold(_ ledger: Ledger, frames: UnsafeRawBufferPointer, batchStart: UInt64) throws -> Writes {
        let carried = last
        last = try ledger.store.read { reader in
            var projections = try InlineProjections(
                transaction: reader.transaction, facade: ledger.facade, batchStart: batchStart, pending: carried)
            for stored in RecordFrames(frames) {
                guard let record = try? RecordView(stored: stored) else { break }
                let event: DomainEvent
                do {
                    event = try record.decodedEvent()
                } catch {
                    throw UnverifiedRecord(
                        sequence: record.sequence, reason: "its \(record.type) payload does not decode: \(error)")
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
        return last
    }
}
