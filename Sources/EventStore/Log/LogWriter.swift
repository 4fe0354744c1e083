import LMDB

/// The event log inside one write transaction (`EventStore.write { writer in … }`).
///
/// Several appends in one closure commit together; extension databases (rules state,
/// projections, Merkle nodes) are written through `transaction` in the same commit.
public struct LogWriter {
    public let transaction: Transaction
    let dbs: LedgerSchema
    let genesis: ChainHash
    let recordedAt: Int64

    /// Appends a batch atomically: idempotent by id, optimistic concurrency per stream,
    /// gapless sequence. Throws (and the enclosing write writes nothing) on any violation.
    public func appendBatch(_ batch: [NewEvent], hooks: inout some AppendHooks) throws -> AppendResult {
        // Index entries are collected and written in key order at the end: sorted inserts touch
        // each B-tree page once instead of once per event (random inserts were 4× slower).
        var pending = PendingIndexes(capacity: batch.count)
        let result = try appendBatch(batch, hooks: &hooks, indexingInto: &pending)
        try pending.write(to: transaction, dbs: dbs)
        return result
    }

    /// `appendBatch`, with the index entries left in `deferred` (see ``DeferredIndexes``).
    public func appendBatch(
        _ batch: [NewEvent], hooks: inout some AppendHooks, deferringIndexesTo deferred: inout DeferredIndexes
    ) throws -> AppendResult {
        try appendBatch(batch, hooks: &hooks, indexingInto: &deferred.pending)
    }

    /// Appends `batch`, its index entries gathered in `pending` (which may hold earlier batches'
    /// of this transaction, not yet written: lookups consult it before the databases).
    private func appendBatch(
        _ batch: [NewEvent], hooks: inout some AppendHooks, indexingInto pending: inout PendingIndexes
    ) throws -> AppendResult {
        let head = try headInTransaction()
        return try transaction.withCursor(dbs.events) { cursor in
            try append(batch, after: head, cursor: &cursor, hooks: &hooks, pending: &pending)
        }
    }

    /// `appendBatch`'s loop, apart so that `pending` is an inout parameter here rather than a
    /// closure's capture: every look-up in a captured one copied the whole struct (its references
    /// retained and released), twice per event, 3 % of an import's writer.
    private func append(
        _ batch: [NewEvent], after head: (sequence: UInt64, hash: ChainHash), cursor: inout Cursor,
        hooks: inout some AppendHooks, pending: inout PendingIndexes
    ) throws -> AppendResult {
        var (sequence, previous) = head
        let batchStart = sequence + 1
        var result = AppendResult(sequences: [], duplicates: [])
        result.sequences.reserveCapacity(batch.count)
        result.duplicates.reserveCapacity(batch.count)
        for (index, event) in batch.enumerated() {
            try validateShape(event, index: index)
            if let original = try existingSequence(
                of: event, index: index, earlier: pending.recorded(id: event.id), batch: batch,
                batchStart: batchStart)
            {
                result.sequences.append(original)
                result.duplicates.append(true)
                continue
            }
            let current = try pending.version(ofStream: event.stream) ?? streamVersion(event.stream)
            if let expected = event.expectedVersion, expected != current {
                throw EventStoreError(
                    .versionConflict,
                    "version conflict on stream \(event.stream): expected version \(expected), actual \(current)"
                        + " (event \(index + 1) of the batch, id \(event.id)); nothing was written",
                    batchIndex: index)
            }
            sequence += 1
            let version = current + 1
            try hooks.willAppend(event, sequence: sequence, version: version, batchIndex: index, in: transaction)
            let (stored, hash) = RecordCodec.encodeStored(
                event, sequence: sequence, version: version, recordedAt: event.recordedAt ?? recordedAt,
                previous: previous)
            try cursor.put(BigEndianKey(sequence), stored, flags: .append)
            pending.record(
                id: event.id, stream: event.stream, version: version, sequence: sequence, batchIndex: index)
            try stored.withUnsafeBytes { raw in
                try hooks.didAppend(try RecordView(stored: raw), batchIndex: index, in: transaction)
            }
            previous = hash
            result.sequences.append(sequence)
            result.duplicates.append(false)
        }
        return result
    }

    /// Appends with no hooks.
    public func appendBatch(_ batch: [NewEvent]) throws -> AppendResult {
        var hooks = NoAppendHooks()
        return try appendBatch(batch, hooks: &hooks)
    }

    /// The current version of `stream` (0 when it has no events), including this transaction's writes.
    public func streamVersion(_ stream: String) throws -> UInt64 {
        try LogLookup(transaction: transaction, dbs: dbs).streamVersion(stream)
    }

    /// The last sequence and hash, including this transaction's writes.
    public func headInTransaction() throws -> (sequence: UInt64, hash: ChainHash) {
        try LogLookup(transaction: transaction, dbs: dbs).head(genesis: genesis)
    }

    private func validateShape(_ event: NewEvent, index: Int) throws {
        if let field = Self.firstEmptyText(of: event) {
            throw EventStoreError(
                .invalidEvent, "event \(index + 1) of the batch: \(field) must not be empty", batchIndex: index)
        }
        if event.stream.utf8.contains(0) {
            throw EventStoreError(
                .invalidEvent, "event \(index + 1) of the batch: stream must not contain NUL", batchIndex: index)
        }
    }

    /// The first of the texts every event needs that is empty, tested one by one rather than
    /// through an array of the four built for each event.
    private static func firstEmptyText(of event: NewEvent) -> String? {
        if event.id.isEmpty { return "id" }
        if event.type.isEmpty { return "type" }
        if event.stream.isEmpty { return "stream" }
        if event.actor.isEmpty { return "actor" }
        return nil
    }

    /// The sequence of an already-recorded event with this id and the same content (also
    /// earlier in this batch); throws when the id was used for different content. `earlier`:
    /// the id's entry among this transaction's pending ones, if it has one.
    private func existingSequence(
        of event: NewEvent, index: Int, earlier: (sequence: UInt64, batchIndex: Int)?, batch: [NewEvent],
        batchStart: UInt64
    ) throws -> UInt64? {
        let sequence: UInt64
        if let earlier {
            guard earlier.sequence < batchStart else {
                guard batch[earlier.batchIndex].hasSameSubmission(as: event) else {
                    throw idConflict(event, sequence: earlier.sequence, index: index)
                }
                return earlier.sequence
            }
            // An earlier batch of this transaction, its index entry not written yet.
            sequence = earlier.sequence
        } else {
            guard let raw = try transaction.get(dbs.ids, event.id), let stored = BigEndianKey.decode(raw) else {
                return nil
            }
            sequence = stored
        }
        let recorded = try LogLookup(transaction: transaction, dbs: dbs).event(sequence)
        guard let recorded, recorded.hasSameContent(as: event) else {
            throw idConflict(event, sequence: sequence, index: index)
        }
        return sequence
    }

    private func idConflict(_ event: NewEvent, sequence: UInt64, index: Int) -> EventStoreError {
        EventStoreError(
            .idConflict,
            "event id \(event.id) is already recorded at sequence \(sequence) with different content"
                + " (event \(index + 1) of the batch); a correction must be a new event with a new id",
            batchIndex: index)
    }
}

extension LogWriter {
    /// Reads inside this write transaction (they see its own writes).
    public var reader: LogReader { LogReader(transaction: transaction, dbs: dbs, genesis: genesis) }
}
