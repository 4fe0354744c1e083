import Domain
import EventStore
import Foundation
import LMDB
import Projections

/// Decodes a batch of copied records and folds them into the read models, for a
/// ``VerbatimCopier`` on a thread of its own while the writer stores the batch before.
///
/// One fold runs over all the copier's batches and keeps what it read and wrote in its caches:
/// the copier is the read models' only writer, so a key the caches do not hold reads the same
/// in every snapshot, and the one the next batch is folded on may lack only the batch before,
/// whose writes the caches hold (``InlineProjections/takePendingWrites(bound:)``). Before, each
/// batch started cold and re-read every entity it touched from LMDB (a third of the fold).
/// Its own writes stay in memory until the writer copies them into the transaction that stores
/// the batch. It trusts the records no more than the writer does: a record that does not parse
/// ends the fold (the check names it); a payload that does not decode is an `UnverifiedRecord`.
struct ReplicaFold {
    /// The read models this fold keeps (a copier runs two folds, each with its share).
    let models: Set<TierModel>
    /// Keys a read model's cache may hold before it forgets all but the last batch's writes.
    let cacheBound: Int
    private var projections: InlineProjections?

    init(models: Set<TierModel>, cacheBound: Int) {
        self.models = models
        self.cacheBound = cacheBound
    }

    /// Forgets every cached key; the next batch reads what it needs from LMDB.
    mutating func dropCaches() {
        projections = nil
    }

    /// Folds the records of `frames` (whole `RecordStream` frames), the first of which has
    /// sequence `batchStart`, and returns the read-model writes, per database in key order.
    mutating func fold(_ ledger: Ledger, frames: UnsafeRawBufferPointer, batchStart: UInt64) throws -> KeyOrderedWrites
    {
        try ledger.store.read { reader in
            var projections: InlineProjections
            if var kept = self.projections.take() {
                kept.rebase(on: reader.transaction)
                projections = kept
            } else {
                projections = try InlineProjections(
                    transaction: reader.transaction, facade: ledger.facade, batchStart: batchStart, models: models)
            }
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
            let writes = try projections.takePendingWrites(bound: cacheBound)
            self.projections = projections
            return writes
        }
    }
}
