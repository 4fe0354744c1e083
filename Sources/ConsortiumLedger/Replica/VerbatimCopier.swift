import Audit
import Dispatch
import Domain
import EventStore
import LMDB

/// Stores records copied from the primary, batch after batch, each verified before it is
/// stored, on threads of its own so that the caller goes on receiving: one checks every record
/// (`VerbatimCheck`: format, sequence, chain link and hash, stream version) and extends the
/// Merkle tree; two decode the payloads and fold the read models, the council's on one and the
/// other three on the other (``ReplicaFold``: the fold was the longest of the steps); one stores
/// the bytes with their indexes (refusing an id already recorded), tree nodes and read models,
/// one transaction per batch. A batch is checked and folded while the one before it is stored.
///
/// A batch is committed only when its check and its fold have passed every record; the first
/// failure is an ``UnverifiedRecord`` naming its sequence, nothing of that batch is written,
/// and the copier refuses any later batch (`submit` or `finish` throws it).
///
/// One caller submits batches in order, then calls `finish()`. `@unchecked Sendable`: `check`,
/// each fold and `waiting` are touched only by blocks on their own serial queue.
public final class VerbatimCopier: @unchecked Sendable {
    /// Keys of each read model the folds keep between batches before they forget all but the
    /// last batch's writes: more than the read models of a 10^6-event ledger hold, a few hundred MB.
    public static let defaultCachedKeys = 1 << 20
    private let ledger: Ledger
    private let checkQueue = DispatchQueue(label: "mirror.check")
    private let councilFoldQueue = DispatchQueue(label: "mirror.fold.council")
    private let othersFoldQueue = DispatchQueue(label: "mirror.fold.others")
    private let storeQueue = DispatchQueue(label: "mirror.store")
    /// Batches handed over and not yet stored, at most two (memory: a batch is its frames).
    private let inFlight = DispatchSemaphore(value: 2)
    private let progress = VerbatimProgress()
    private var check: VerbatimCheck
    private var accumulator: MerkleAccumulator
    private var councilFold: ReplicaFold
    private var othersFold: ReplicaFold
    /// The sequence the next submitted batch starts at (the caller's).
    private var nextStart: UInt64
    /// Handed over, checked or being checked, not yet stored (the store queue's).
    private var waiting: VerbatimBatch?

    /// Starts after the ledger's last stored record. The folds keep up to `cachedKeys` keys of
    /// each read model in memory between batches (`ReplicaFold`).
    public init(ledger: Ledger, cachedKeys: Int = VerbatimCopier.defaultCachedKeys) throws {
        self.ledger = ledger
        councilFold = ReplicaFold(models: [.council], cacheBound: cachedKeys)
        othersFold = ReplicaFold(models: [.committee, .project, .claims], cacheBound: cachedKeys)
        (check, accumulator) = try ledger.store.read { reader in
            let head = try reader.head()
            return (
                VerbatimCheck(after: head.sequence, hash: head.hash),
                try MerkleState.load(reader.transaction, ledger.facade)
            )
        }
        nextStart = check.sequence + 1
    }

    /// Records stored so far.
    public var stored: UInt64 { progress.stored }

    /// Hands over a batch of whole `RecordStream` frames; waits while two are not stored yet.
    /// Throws the first failure of a batch handed over before.
    public func submit(frames: [UInt8]) throws {
        if let failure = progress.failure { throw failure }
        inFlight.wait()
        if let failure = progress.failure {
            inFlight.signal()
            throw failure
        }
        let batch = VerbatimBatch(frames: frames, start: nextStart)
        nextStart += UInt64(batch.count)
        storeQueue.async { self.storeWaiting(thenStart: batch) }
    }

    /// Stores every batch handed over; returns the number of records stored in all, or
    /// throws the first failure.
    public func finish() throws -> UInt64 {
        storeQueue.sync { storeWaiting(thenStart: nil) }
        // Each fold's caches hold up to a million keys, a tenth of a second to free: freed on
        // the folds' queues, beside whatever the caller does next (a later batch folds cold).
        councilFoldQueue.async { self.councilFold.dropCaches() }
        othersFoldQueue.async { self.othersFold.dropCaches() }
        if let failure = progress.failure { throw failure }
        return progress.stored
    }

    /// On the store queue: waits for the waiting batch's check and fold, makes room for it
    /// while no read is open (growing the map waits for every reader), starts `next`'s check
    /// and fold, then stores the waiting batch while they run.
    private func storeWaiting(thenStart next: VerbatimBatch?) {
        guard progress.failure == nil else {
            if next != nil { inFlight.signal() }
            return
        }
        do {
            let ready = try waiting.map(results)
            waiting = next
            if let next { start(next) }
            if let ready {
                progress.add(try store(ready))
                inFlight.signal()
            }
        } catch {
            progress.fail(error)
            waiting = nil
            inFlight.signal()  // the batch that failed
            if next != nil { inFlight.signal() }
        }
    }

    /// Stops: batches handed over and not stored yet are dropped (a later run copies them
    /// again); returns once no write of this copier is running.
    public func abandon() {
        progress.fail(LedgerError(.io, "the copy was abandoned"))
        storeQueue.sync {}
    }

    private func start(_ batch: VerbatimBatch) {
        checkQueue.async { batch.checked.set { try self.check(batch) } }
        councilFoldQueue.async {
            batch.councilFolded.set {
                try batch.frames.withUnsafeBytes {
                    try self.councilFold.fold(self.ledger, frames: $0, batchStart: batch.start)
                }
            }
        }
        othersFoldQueue.async {
            batch.othersFolded.set {
                try batch.frames.withUnsafeBytes {
                    try self.othersFold.fold(self.ledger, frames: $0, batchStart: batch.start)
                }
            }
        }
    }

    /// Checks every record of `batch` on a snapshot and extends the Merkle tree over it.
    private func check(_ batch: VerbatimBatch) throws -> VerbatimBatch.Tree {
        var nodes = NodeBuffer()
        nodes.nodes.reserveCapacity(batch.count * 2 + 64)
        var indexes = VerbatimIndexEntries(capacity: batch.count)
        check.startBatch()
        try ledger.store.read { reader in
            try batch.frames.withUnsafeBytes { frames in
                var index = 0
                for stored in RecordFrames(frames) {
                    let record = try check.check(stored, index: index, on: reader)
                    try accumulator.append(leafHash: Merkle.leafHash(bytes: record.record), into: &nodes)
                    indexes.add(record)
                    index += 1
                }
            }
        }
        // In key order here, beside the writer, which then only puts them.
        indexes.sort()
        LMDBMerkleNodeStore.sortInKeyOrder(&nodes.nodes)
        return (nodes.nodes, accumulator, indexes)
    }

    /// The writer checks that ids are new (`storeVerbatim`): a record before `sequence` whose
    /// id is not, found by storing those records in a transaction that is then abandoned.
    private func repeatedId(in batch: VerbatimBatch, before sequence: UInt64) throws -> UnverifiedRecord? {
        struct Abandon: Error {}
        guard sequence > batch.start else { return nil }
        do {
            try ledger.store.write { writer in
                _ = try batch.frames.withUnsafeBytes {
                    try writer.storeVerbatim(RecordFrames($0).prefix(Int(sequence - batch.start)))
                }
                throw Abandon()
            }
        } catch let error as EventStoreError where error.code == .unverifiedRecord {
            return Self.unverified(error, batchStart: batch.start)
        } catch is Abandon {}
        return nil
    }

    private struct Ready {
        let batch: VerbatimBatch
        let tree: VerbatimBatch.Tree
        let writes: KeyOrderedWrites
    }

    /// What a batch's check and fold found, once they are done; the first finding if any.
    private func results(_ batch: VerbatimBatch) throws -> Ready {
        let checked = batch.checked.wait()
        let folds = [batch.councilFolded.wait(), batch.othersFolded.wait()]
        guard case .success(let tree) = checked, case .success(let council) = folds[0],
            case .success(let others) = folds[1]
        else {
            let outcomes = [checked.map { _ in () }] + folds.map { $0.map { _ in () } }
            let failure = Self.firstFailure(outcomes, batchStart: batch.start)
            throw (failure as? UnverifiedRecord).flatMap { try? repeatedId(in: batch, before: $0.sequence) } ?? failure
        }
        // Room for the records, their indexes and tree nodes, so the write does not restart (a
        // restart costs the whole write: 0.5 s of a 200,000-record batch). Four times the
        // records: each batch also copies most pages of the random-keyed id index it touches.
        try ledger.store.environment.reserve(bytes: batch.frames.count * 4 + (64 << 20))
        return Ready(batch: batch, tree: tree, writes: council + others)
    }
    /// Stores a checked and folded batch in one transaction.
    private func store(_ ready: Ready) throws -> UInt64 {
        let batch = ready.batch
        return try ledger.store.write { writer in
            let stored: Int
            do {
                stored = try batch.frames.withUnsafeBytes {
                    try writer.storeVerbatim(RecordFrames($0), expectedCount: batch.count, indexes: ready.tree.indexes)
                }
            } catch let error as EventStoreError where error.code == .unverifiedRecord {
                throw Self.unverified(error, batchStart: batch.start)
            }
            guard stored == batch.count else {
                throw LedgerError(.io, "\(batch.count) records checked, \(stored) stored")
            }
            var nodes = LMDBMerkleNodeStore(transaction: writer.transaction, database: ledger.facade.merkleNodes)
            try nodes.put(inKeyOrder: ready.tree.nodes)
            try MerkleState.save(ready.tree.accumulator, writer.transaction, ledger.facade)
            try writer.transaction.put(inKeyOrder: ready.writes)
            return UInt64(stored)
        }
    }

    /// The check's or a fold's finding, whichever names the earliest record.
    private static func firstFailure(_ outcomes: [Result<Void, Error>], batchStart: UInt64) -> Error {
        var found: [UnverifiedRecord] = []
        for case .failure(let error) in outcomes {
            if let error = error as? EventStoreError, error.code == .unverifiedRecord {
                found.append(unverified(error, batchStart: batchStart))
            } else if let error = error as? UnverifiedRecord {
                found.append(error)
            } else {
                return error
            }
        }
        return found.min { $0.sequence < $1.sequence } ?? LedgerError(.io, "a mirror batch failed")
    }

    private static func unverified(_ error: EventStoreError, batchStart: UInt64) -> UnverifiedRecord {
        let sequence = batchStart + UInt64(error.batchIndex ?? 0)
        let prefix = "record \(sequence): "
        return UnverifiedRecord(
            sequence: sequence,
            reason: error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message)
    }
}
