/// The versioned binary record format.
///
/// Layout (format 1): `u8 format ‖ u64 sequence ‖ u64 version ‖ i64 occurredAt ‖ i16 occurredOffsetMinutes ‖ i64 recordedAt ‖
/// u16 schemaVersion ‖ str id ‖ str type ‖ str stream ‖ str actor ‖ str? causation ‖
/// str? correlation ‖ blob? signature ‖ str? signerKeyId ‖ blob payload` — the *record* that is
/// hashed and becomes the Merkle leaf — followed by `previousHash(32) ‖ hash(32)`.
/// A new format gets a new first byte; readers keep decoding every older one.
public enum RecordCodec {
    public static let currentFormat: UInt8 = 1
    static let trailerSize = 2 * ChainHash.byteCount

    /// Encodes the hashed part of a record.
    static func encodeRecord(_ event: NewEvent, sequence: UInt64, version: UInt64, recordedAt: Int64) -> [UInt8] {
        var w = RecordWriter(capacity: 96 + event.payload.count + event.id.utf8.count + event.stream.utf8.count)
        w.bytes.append(currentFormat)
        w.fixed(sequence)
        w.fixed(version)
        w.fixed(event.occurredAt)
        w.fixed(event.occurredOffsetMinutes)
        w.fixed(recordedAt)
        w.fixed(event.schemaVersion)
        w.string(event.id)
        w.string(event.type)
        w.string(event.stream)
        w.string(event.actor)
        w.optionalString(event.causationId)
        w.optionalString(event.correlationId)
        w.optionalBlob(event.signature)
        w.optionalString(event.signerKeyId)
        w.blob(event.payload)
        return w.bytes
    }

    /// Splits a stored value into the hashed record and its two chain hashes.
    public static func split(_ stored: UnsafeRawBufferPointer) throws(RecordDecodingError) -> (
        record: UnsafeRawBufferPointer, previous: ChainHash, hash: ChainHash
    ) {
        guard stored.count > trailerSize else {
            throw RecordDecodingError(offset: 0, expected: "a record longer than its \(trailerSize)-byte hash trailer")
        }
        let recordEnd = stored.count - trailerSize
        let previous = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: stored[recordEnd..<(recordEnd + 32)]))
        let hash = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: stored[(recordEnd + 32)...]))
        guard let previous, let hash else { throw RecordDecodingError(offset: recordEnd, expected: "hash trailer") }
        return (UnsafeRawBufferPointer(rebasing: stored[..<recordEnd]), previous, hash)
    }

    /// Decodes a stored value completely (copies out of the memory map); parsing is
    /// `RecordView`'s, so there is one reader of the format.
    public static func decode(_ stored: UnsafeRawBufferPointer) throws(RecordDecodingError) -> RecordedEvent {
        let view = try RecordView(stored: stored)
        return RecordedEvent(
            sequence: view.sequence, id: try view.validatedText(.id), type: try view.validatedText(.type),
            stream: try view.validatedText(.stream), version: view.version, occurredAt: view.occurredAt,
            occurredOffsetMinutes: view.occurredOffsetMinutes, recordedAt: view.recordedAt,
            actor: try view.validatedText(.actor), schemaVersion: view.schemaVersion,
            causationId: try view.causationBytes.map { bytes throws(RecordDecodingError) in
                try RecordView.validated(bytes, "causationId")
            },
            correlationId: try view.correlationBytes.map { bytes throws(RecordDecodingError) in
                try RecordView.validated(bytes, "correlationId")
            },
            signature: view.signature.map { Array($0) }, signerKeyId: view.signerKeyId, payload: Array(view.payload),
            previousHash: view.previousHash, hash: view.hash)
    }
}
