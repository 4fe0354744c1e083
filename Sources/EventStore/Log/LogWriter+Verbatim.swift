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
    ///
    /// With `indexes` (built from the same records, ``VerbatimIndexEntries``), their id and
    /// stream entries are written as they are instead of gathered and sorted here.
    public func storeVerbatim(
        _ records: some Sequence<UnsafeRawBufferPointer>, expectedCount: Int = 0, indexes: VerbatimIndexEntries? = nil
    ) throws -> Int {
        var sequence = try headInTransaction().sequence
        let first = sequence + 1
        let gather = indexes == nil
        var entries = indexes ?? VerbatimIndexEntries(capacity: expectedCount)
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
                if gather { entries.add(view) }
                sequence = view.sequence
                index += 1
            }
        }
        let known = try entries.ids.write(to: transaction, dbs.ids, keepingExisting: true)
        if let earliest = known.min(by: { $0.value < $1.value }) {
            throw VerbatimCheck.unverified(
                Int(earliest.value - first), earliest.value, "event id \(earliest.key) is already recorded")
        }
        try entries.streams.write(to: transaction, dbs.streams)
        return index
    }
}

/// The id and stream index entries of a batch of copied records, gathered and put in key order
/// by the thread that checks the records, so that the writer only puts them
/// (`LogWriter.storeVerbatim(_:expectedCount:indexes:)`; sorting was a tenth of a mirror's
/// store thread, the copy's critical path).
public struct VerbatimIndexEntries: Sendable {
    var ids: SortedKeys
    var streams: SortedKeys

    public init(capacity: Int) {
        ids = SortedKeys(capacity: capacity)
        streams = SortedKeys(capacity: capacity)
    }

    /// Adds `record`'s entries: its id, and its stream and version.
    public mutating func add(_ record: RecordView) {
        ids.add(record.idUTF8, value: record.sequence)
        streams.add(record.streamUTF8, suffix: record.version, value: record.sequence)
    }

    /// Puts both lists in key order.
    public mutating func sort() {
        ids.sort()
        streams.sort()
    }
}
