import LMDB

extension LogWriter {
    /// Appends records exactly as another copy of this ledger stored them (a mirror copying its
    /// primary), byte for byte, after checking each one: it parses as format 1 with UTF-8
    /// envelope texts; its sequence is the next one; its stored previous hash is this log's head
    /// and its stored hash is `SHA-256(previous ‖ record)` recomputed here; its version is its
    /// stream's next one; its id is new. So the log that results is one this store could have
    /// written itself, and its chain is the primary's only if every record is the primary's.
    ///
    /// `records` yields each stored value (record ‖ previous hash ‖ hash); `hooks.didAppend`
    /// sees every record after it is stored (`willAppend` is not called: there is no submitted
    /// event). Index entries are written in key order at the end, as `appendBatch` does.
    /// Throws `.unverifiedRecord` with the record's batch position on the first failed check,
    /// and the enclosing write then writes nothing. Returns the number of records appended.
    public func appendVerbatim(
        _ records: some Sequence<UnsafeRawBufferPointer>, expectedCount: Int = 0, hooks: inout some AppendHooks
    ) throws -> Int {
        var (sequence, previous) = try headInTransaction()
        var pending = PendingIndexes(capacity: expectedCount)
        var index = 0
        try transaction.withCursor(dbs.events) { cursor in
            for stored in records {
                let view = try verified(stored, sequence: sequence + 1, previous: previous, index: index)
                let stream = view.stream
                let id = view.id
                let current = try pending.heads[stream] ?? streamVersion(stream)
                guard view.version == current + 1 else {
                    throw Self.unverified(
                        index, view.sequence,
                        "version \(view.version) in stream \(stream), whose next is \(current + 1)")
                }
                let known = try pending.ids[id] != nil || transaction.get(dbs.ids, id) != nil
                if known {
                    throw Self.unverified(index, view.sequence, "event id \(id) is already recorded")
                }
                try cursor.put(BigEndianKey(view.sequence), stored, flags: .append)
                pending.record(
                    id: id, stream: stream, version: view.version, sequence: view.sequence, batchIndex: index)
                try hooks.didAppend(view, batchIndex: index, in: transaction)
                sequence = view.sequence
                previous = view.hash
                index += 1
            }
        }
        try pending.write(to: transaction, dbs: dbs)
        return index
    }

    /// The parsed record if it passes every check that needs no index.
    private func verified(
        _ stored: UnsafeRawBufferPointer, sequence: UInt64, previous: ChainHash, index: Int
    ) throws -> RecordView {
        let view: RecordView
        do {
            view = try RecordView(stored: stored)
            for field in [RecordView.TextField.id, .type, .stream, .actor] {
                if try view.validatedText(field).isEmpty {
                    throw RecordDecodingError(offset: 0, expected: "a non-empty \(field.rawValue)")
                }
            }
            if let bytes = view.causationBytes { _ = try RecordView.validated(bytes, "causationId") }
            if let bytes = view.correlationBytes { _ = try RecordView.validated(bytes, "correlationId") }
        } catch {
            throw Self.unverified(index, sequence, "\(error)")
        }
        guard view.sequence == sequence else {
            throw Self.unverified(index, sequence, "the record says sequence \(view.sequence)")
        }
        guard !view.streamUTF8.contains(0) else { throw Self.unverified(index, sequence, "stream contains NUL") }
        guard view.previousHash == previous else {
            throw Self.unverified(
                index, sequence, "previous hash \(view.previousHash.hex); this log's head is \(previous.hex)")
        }
        let hash = ChainHash.link(previous: previous, record: view.record)
        guard hash == view.hash else {
            throw Self.unverified(
                index, sequence, "stored hash \(view.hash.hex); SHA-256(previous ‖ record) is \(hash.hex)")
        }
        return view
    }

    private static func unverified(_ index: Int, _ sequence: UInt64, _ reason: String) -> EventStoreError {
        EventStoreError(.unverifiedRecord, "record \(sequence): \(reason)", batchIndex: index)
    }
}
