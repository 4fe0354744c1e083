import Audit
import Dispatch
import EventStore
import LMDB

/// Stores records copied from the primary, batch after batch, each verified before it is
/// stored, on three threads: one checks every record (`VerbatimCheck`: format, sequence,
/// chain link and hash, stream version, new id) and extends the Merkle tree; one decodes the
/// payloads and folds the read models (``ReplicaFold``); the caller's thread stores the bytes
/// with their indexes, tree nodes and read models, one transaction per batch. A batch is
/// checked and folded while the one before it is being stored, so the writer's share of a
/// record and the other two overlap instead of following each other.
///
/// A batch is committed only when its check and its fold have passed every record; the first
/// failure is an ``UnverifiedRecord`` naming its sequence, nothing of that batch is written,
/// and the copier refuses any later batch.
///
/// Not for concurrent use: one caller submits batches in order. `@unchecked Sendable`: `check`
/// and `fold` are touched only by blocks on their own serial queue.
public final class VerbatimCopier: @unchecked Sendable {
    private let ledger: Ledger
    private let checkQueue = DispatchQueue(label: "mirror.check")
    private let foldQueue = DispatchQueue(label: "mirror.fold")
    private var check: VerbatimCheck
    private var accumulator: MerkleAccumulator
    private var fold = ReplicaFold()
    /// The sequence the next submitted batch starts at.
    private var nextStart: UInt64
    /// Submitted, checked or being checked, not yet stored.
    private var waiting: Batch?
    private var failure: Error?

    /// One batch's frames and what its check and fold found.
    private final class Batch: @unchecked Sendable {
        let frames: [UInt8]
        let start: UInt64
        let count: Int
        let checked = Outcome<(nodes: [MerkleNode], accumulator: MerkleAccumulator)>()
        let folded = Outcome<ReplicaFold.Writes>()
        init(frames: [UInt8], start: UInt64, count: Int) {
            self.frames = frames
            self.start = start
            self.count = count
        }
    }

    /// A result set once by one thread and waited for by another.
    private final class Outcome<Value>: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private var result: Result<Value, Error>?
        func set(_ body: () throws -> Value) {
            result = Result(catching: body)
            ready.signal()
        }
        func wait() -> Result<Value, Error> {
            ready.wait()
            ready.signal()  // a second wait (after a failure) returns at once
            return result ?? .failure(LedgerError(.io, "a mirror batch ended without a result"))
        }
    }

    /// Starts after the ledger's last stored record.
    public init(ledger: Ledger) throws {
        self.ledger = ledger
        (check, accumulator) = try ledger.store.read { reader in
            let head = try reader.head()
            return (
                VerbatimCheck(after: head.sequence, hash: head.hash),
                try MerkleState.load(reader.transaction, ledger.facade)
            )
        }
        nextStart = check.sequence + 1
    }

    /// Hands over a batch of whole `RecordStream` frames and stores the batch handed over
    /// before it (once its check and fold are done); returns how many records that stored.
    public func submit(frames: [UInt8]) throws -> UInt64 {
        if let failure { throw failure }
        var count = 0
        frames.withUnsafeBytes { for _ in RecordFrames($0) { count += 1 } }
        let batch = Batch(frames: frames, start: nextStart, count: count)
        nextStart += UInt64(count)
        // The batch before is checked and folded first, and room made for it while no read is
        // open (growing the map waits for every reader); then this batch's check and fold run
        // while that one is stored.
        let ready = try guarded { try waiting.map(results) }
        checkQueue.async { batch.checked.set { try self.check(batch) } }
        foldQueue.async {
            batch.folded.set {
                try batch.frames.withUnsafeBytes {
                    try self.fold.fold(self.ledger, frames: $0, batchStart: batch.start)
                }
            }
        }
        let stored = try guarded { try ready.map(store) ?? 0 }
        waiting = batch
        return stored
    }

    /// Stores the last batch handed over; returns how many records that stored.
    public func finish() throws -> UInt64 {
        if let failure { throw failure }
        let stored = try guarded { try waiting.map(results).map(store) ?? 0 }
        waiting = nil
        return stored
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            waiting = nil
            failure = error
            throw error
        }
    }

    /// What a batch's check and fold found, once they are done; the first finding if any.
    private func results(_ batch: Batch) throws -> Ready {
        let checked = batch.checked.wait()
        let folded = batch.folded.wait()
        guard case .success(let tree) = checked, case .success(let writes) = folded else {
            throw Self.firstFailure(checked, folded, batchStart: batch.start)
        }
        // Room for the records, their indexes and tree nodes, so the write does not restart.
        try ledger.store.environment.reserve(bytes: batch.frames.count * 3 + (16 << 20))
        return Ready(batch: batch, tree: tree, writes: writes)
    }

    private struct Ready {
        let batch: Batch
        let tree: (nodes: [MerkleNode], accumulator: MerkleAccumulator)
        let writes: ReplicaFold.Writes
    }

    /// Checks every record of `batch` on a snapshot and extends the Merkle tree over it.
    private func check(_ batch: Batch) throws -> (nodes: [MerkleNode], accumulator: MerkleAccumulator) {
        var nodes = NodeBuffer()
        nodes.nodes.reserveCapacity(batch.count * 2 + 64)
        check.startBatch(capacity: batch.count)
        try ledger.store.read { reader in
            try batch.frames.withUnsafeBytes { frames in
                var index = 0
                for stored in RecordFrames(frames) {
                    let record = try check.check(stored, index: index, on: reader)
                    try accumulator.append(leafHash: Merkle.leafHash(bytes: record.record), into: &nodes)
                    index += 1
                }
            }
        }
        return (nodes.nodes, accumulator)
    }

    /// Stores a checked and folded batch in one transaction.
    private func store(_ ready: Ready) throws -> UInt64 {
        let batch = ready.batch
        return try ledger.store.write { writer in
            let stored: Int
            do {
                stored = try batch.frames.withUnsafeBytes {
                    try writer.storeVerbatim(RecordFrames($0), expectedCount: batch.count)
                }
            } catch let error as EventStoreError where error.code == .unverifiedRecord {
                throw Self.unverified(error, batchStart: batch.start)
            }
            guard stored == batch.count else {
                throw LedgerError(.io, "\(batch.count) records checked, \(stored) stored")
            }
            var nodes = LMDBMerkleNodeStore(transaction: writer.transaction, database: ledger.facade.merkleNodes)
            try nodes.put(contentsOf: ready.tree.nodes)
            try MerkleState.save(ready.tree.accumulator, writer.transaction, ledger.facade)
            for (database, entries) in ready.writes {
                try writer.transaction.withCursor(database) { cursor in
                    for entry in entries { try cursor.put(entry.key, entry.value) }
                }
            }
            return UInt64(stored)
        }
    }

    /// The check's or the fold's finding, whichever names the earlier record.
    private static func firstFailure<C, F>(_ checked: Result<C, Error>, _ folded: Result<F, Error>, batchStart: UInt64)
        -> Error
    {
        var found: [UnverifiedRecord] = []
        for case .failure(let error) in [checked.map { _ in () }, folded.map { _ in () }] {
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
