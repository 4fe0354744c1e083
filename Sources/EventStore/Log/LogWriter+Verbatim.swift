import LMDB

extension LogWriter {
    /// Stores records exactly as another copy of this ledger stored them (a mirror copying its
    /// primary), byte for byte, with their index entries; the records' other checks are
    /// `VerbatimCheck`'s, made on another thread, and the caller must not let the enclosing
    /// write commit unless every record passed them. This half checks what storing needs and
    /// does anyway: each record parses and carries the next sequence, and its id is new (the
    /// id index is written in key order refusing to overwrite, so this costs no look-up of its
    /// own); else `.unverifiedRecord` with the first failing record's batch position.
    ///
    /// `records` yields each stored value (record ‖ previous hash ‖ hash). Index entries are
    /// written in key order at the end, as `appendBatch` does; each stream's head is the last
    /// of its entries. Returns the number of records stored.
    public func storeVerbatim(_ records: some Sequence<UnsafeRawBufferPointer>, expectedCount: Int = 0) throws -> Int {
        var sequence = try headInTransaction().sequence
        let first = sequence + 1
        var ids = SortedKeys(capacity: expectedCount)
        var streams = SortedKeys(capacity: expectedCount)
        var index = 0
        try transaction.withCursor(dbs.events) { cursor in
            for stored in records {
                let view: RecordView
                do {
                    view = try RecordView(stored: stored)
                } catch {
                    throw VerbatimCheck.unverified(index, sequence + 1, "\(error)")
                }
                guard view.sequence == sequence + 1 else {
                    throw VerbatimCheck.unverified(index, sequence + 1, "the record says sequence \(view.sequence)")
                }
                try cursor.put(BigEndianKey(view.sequence), stored, flags: .append)
                ids.add(view.idUTF8, value: view.sequence)
                streams.add(view.streamUTF8, suffix: view.version, value: view.sequence)
                sequence = view.sequence
                index += 1
            }
        }
        let known = try ids.write(to: transaction, dbs.ids, keepingExisting: true)
        if let earliest = known.min(by: { $0.value < $1.value }) {
            throw VerbatimCheck.unverified(
                Int(earliest.value - first), earliest.value, "event id \(earliest.key) is already recorded")
        }
        try streams.write(to: transaction, dbs.streams, headsTo: dbs.heads)
        return index
    }
}
