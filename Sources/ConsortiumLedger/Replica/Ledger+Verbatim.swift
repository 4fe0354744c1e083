import EventStore

extension Ledger {
    /// Stores records copied from the primary, given as whole `RecordStream` frames, in one
    /// transaction: each is verified (`LogWriter.appendVerbatim`: format, sequence, chain link,
    /// hash, stream version, new id), stored byte for byte and added to the Merkle tree, while
    /// ``ReplicaFold`` decodes its payload and folds the read models on another thread. Nothing
    /// is written if any check fails; the error is then an `UnverifiedRecord` naming the
    /// (first) failing sequence. Returns the number stored.
    @discardableResult
    public func appendVerbatim(frames: UnsafeRawBufferPointer, count: Int = 0) throws -> UInt64 {
        // Room for the records, their indexes and tree nodes, so the write does not restart.
        try store.environment.reserve(bytes: frames.count * 3 + (16 << 20))
        var failed: UnverifiedRecord?
        do {
            return try store.write { writer in
                let batchStart = try writer.headInTransaction().sequence + 1
                let fold = ReplicaFold(ledger: self, frames: frames, batchStart: batchStart)
                do {
                    var hooks = try ReplicaAppendHooks(facade: facade, transaction: writer.transaction)
                    let stored = try writer.appendVerbatim(RecordFrames(frames), expectedCount: count, hooks: &hooks)
                    try hooks.finish(writer.transaction)
                    for (database, entries) in try fold.finish() {
                        for entry in entries { try writer.transaction.put(database, entry.key, entry.value) }
                    }
                    return UInt64(stored)
                } catch let error as EventStoreError where error.code == .unverifiedRecord {
                    // The fold may have stopped at an earlier record: name the first.
                    let sequence = batchStart + UInt64(error.batchIndex ?? 0)
                    let prefix = "record \(sequence): "
                    let writerFound = UnverifiedRecord(
                        sequence: sequence,
                        reason: error.message.hasPrefix(prefix)
                            ? String(error.message.dropFirst(prefix.count)) : error.message)
                    do {
                        _ = try fold.finish()
                        failed = writerFound
                    } catch let foldFound as UnverifiedRecord {
                        failed = foldFound.sequence < writerFound.sequence ? foldFound : writerFound
                    }
                    throw writerFound
                } catch {
                    _ = try? fold.finish()
                    throw error
                }
            }
        } catch let error as UnverifiedRecord {
            throw failed ?? error
        }
    }

    /// Visits stored records (record ‖ previous hash ‖ hash, as `RecordStream` frames them)
    /// from `from`, at most `limit`, on one snapshot; returns how many.
    public func forEachStoredRecord(
        from: UInt64, limit: Int, _ body: (_ sequence: UInt64, _ stored: UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        guard limit > 0 else { return 0 }
        var visited = 0
        try store.read { reader in
            try reader.scanStored(from: max(from, 1)) { sequence, stored in
                try body(sequence, stored)
                visited += 1
                return visited < limit
            }
        }
        return visited
    }
}

extension Ledger {
    /// The first sequence, from `first` on, whose record in `frames` (whole `RecordStream`
    /// frames) is not byte for byte the one stored here, if any; for naming where a primary's
    /// history parts from this copy.
    public func firstDifference(frames: UnsafeRawBufferPointer, from first: UInt64) throws -> UInt64? {
        try store.read { reader in
            var served = RecordFrames(frames)
            var found: UInt64?
            var sequence = first
            try reader.scanStored(from: first) { at, local in
                guard let record = served.next() else { return false }
                if at != sequence || !local.elementsEqual(record) {
                    found = sequence
                    return false
                }
                sequence += 1
                return true
            }
            // Served records beyond this copy's end differ from nothing here.
            return found
        }
    }
}
