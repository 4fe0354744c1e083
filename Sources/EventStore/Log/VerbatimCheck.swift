import LMDB

/// The checks a record copied from another copy of this ledger (a mirror copying its primary)
/// must pass before it is stored, made on a read snapshot so that they run on a thread beside
/// the writer (`LogWriter.storeVerbatim`, which stores the same bytes and checks that each id
/// is new): it parses as format 1 with UTF-8 envelope texts; its sequence is the next one; its
/// stored previous hash is this log's head and its stored hash is `SHA-256(previous ‖ record)`
/// recomputed here; its version is its stream's next one. So the log that results is one this
/// store could have written itself, and its chain is the primary's only if every record is the
/// primary's.
///
/// It runs ahead of the writer by at most one batch: the snapshot a batch is checked on holds
/// every earlier batch but perhaps the one before, so the stream versions of that batch and of
/// this one are kept here and consulted before the snapshot.
public struct VerbatimCheck {
    /// The last record checked (the log's head before the first batch).
    public private(set) var sequence: UInt64
    public private(set) var previous: ChainHash
    /// Stream versions by the stream's bytes, of this batch and of the one before it.
    private var heads = BytesTable<UInt64>()
    private var earlierHeads = BytesTable<UInt64>()

    public init(after sequence: UInt64, hash: ChainHash) {
        self.sequence = sequence
        previous = hash
    }

    /// Starts the next batch (see the type's note on what the snapshot may lack).
    public mutating func startBatch() {
        swap(&earlierHeads, &heads)
        heads.removeAll()
    }

    /// Checks the next record (`index` is its place in the batch) and returns it parsed;
    /// throws `.unverifiedRecord` with `index` as the batch index on the first failed check.
    public mutating func check(_ stored: UnsafeRawBufferPointer, index: Int, on reader: LogReader) throws
        -> RecordView
    {
        let expected = sequence + 1
        let view: RecordView
        do {
            view = try RecordView(stored: stored)
            try Self.check(.id, view.idUTF8, of: view)
            try Self.check(.type, view.typeUTF8, of: view)
            try Self.check(.stream, view.streamUTF8, of: view)
            try Self.check(.actor, view.actorUTF8, of: view)
            if let bytes = view.causationBytes { _ = try RecordView.validated(bytes, "causationId") }
            if let bytes = view.correlationBytes { _ = try RecordView.validated(bytes, "correlationId") }
        } catch {
            throw Self.unverified(index, expected, "\(error)")
        }
        guard view.sequence == expected else {
            throw Self.unverified(index, expected, "the record says sequence \(view.sequence)")
        }
        guard !view.streamUTF8.contains(0) else { throw Self.unverified(index, expected, "stream contains NUL") }
        guard view.previousHash == previous else {
            throw Self.unverified(
                index, expected, "previous hash \(view.previousHash.hex); this log's head is \(previous.hex)")
        }
        let hash = ChainHash.link(previous: previous, record: view.record)
        guard hash == view.hash else {
            throw Self.unverified(
                index, expected, "stored hash \(view.hash.hex); SHA-256(previous ‖ record) is \(hash.hex)")
        }
        let stream = view.streamUTF8
        let current =
            try heads.value(for: stream) ?? earlierHeads.value(for: stream)
            ?? reader.streamVersion(String(decoding: stream, as: UTF8.self))
        guard view.version == current + 1 else {
            throw Self.unverified(
                index, expected,
                "version \(view.version) in stream \(String(decoding: stream, as: UTF8.self)), whose next is \(current + 1)"
            )
        }
        heads.set(view.version, for: stream)
        sequence = expected
        previous = hash
        return view
    }

    /// `nonEmpty` without making the string when the text is ASCII (a type, an actor).
    private static func check(_ field: RecordView.TextField, _ utf8: UnsafeRawBufferPointer, of view: RecordView) throws
    {
        if !utf8.isEmpty, utf8.allSatisfy({ $0 < 0x80 }) { return }
        _ = try nonEmpty(field, of: view)
    }

    private static func nonEmpty(_ field: RecordView.TextField, of view: RecordView) throws -> String {
        let text = try view.validatedText(field)
        guard !text.isEmpty else { throw RecordDecodingError(offset: 0, expected: "a non-empty \(field.rawValue)") }
        return text
    }

    static func unverified(_ index: Int, _ sequence: UInt64, _ reason: String) -> EventStoreError {
        EventStoreError(.unverifiedRecord, "record \(sequence): \(reason)", batchIndex: index)
    }
}
