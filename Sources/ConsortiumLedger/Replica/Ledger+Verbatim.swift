import EventStore

extension Ledger {
    /// Stores records copied from the primary, given as whole `RecordStream` frames, in one
    /// transaction, each verified before it is stored (a ``VerbatimCopier`` of one batch:
    /// format, sequence, chain link, hash, stream version, new id, payload), byte for byte,
    /// with the Merkle tree and read models kept in step. Nothing is written if any check
    /// fails; the error is then an `UnverifiedRecord` naming the first failing sequence.
    /// Returns the number stored.
    @discardableResult
    public func appendVerbatim(frames: UnsafeRawBufferPointer, count: Int = 0) throws -> UInt64 {
        let copier = try VerbatimCopier(ledger: self)
        try copier.submit(frames: Array(frames))
        return try copier.finish()
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
