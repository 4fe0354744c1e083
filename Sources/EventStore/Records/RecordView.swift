/// A zero-copy view of one stored record, for replay loops that must not allocate per event.
/// Valid only inside the read closure that produced it.
public struct RecordView {
    public let sequence: UInt64
    public let version: UInt64
    public let occurredAt: Int64
    public let occurredOffsetMinutes: Int16
    public let recordedAt: Int64
    public let schemaVersion: UInt16
    /// The hashed record bytes (the Merkle leaf input).
    public let record: UnsafeRawBufferPointer
    public let previousHash: ChainHash
    public let hash: ChainHash
    private let typeBytes: UnsafeRawBufferPointer
    private let actorBytes: UnsafeRawBufferPointer
    private let streamBytes: UnsafeRawBufferPointer
    private let idBytes: UnsafeRawBufferPointer
    let causationBytes: UnsafeRawBufferPointer?
    let correlationBytes: UnsafeRawBufferPointer?
    /// The binary payload, still in the memory map.
    public let payload: UnsafeRawBufferPointer
    public let signature: UnsafeRawBufferPointer?
    public let signerKeyId: String?

    public init(stored: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        let (record, previous, hash) = try RecordCodec.split(stored)
        var r = RecordReader(record)
        let format = try r.fixed(UInt8.self, "record format")
        guard format == 1 else { throw RecordDecodingError(offset: 0, expected: "record format 1 (found \(format))") }
        sequence = try r.fixed(UInt64.self, "sequence")
        version = try r.fixed(UInt64.self, "version")
        occurredAt = try r.fixed(Int64.self, "occurredAt")
        occurredOffsetMinutes = try r.fixed(Int16.self, "occurredOffsetMinutes")
        recordedAt = try r.fixed(Int64.self, "recordedAt")
        schemaVersion = try r.fixed(UInt16.self, "schemaVersion")
        idBytes = try r.slice("id")
        typeBytes = try r.slice("type")
        streamBytes = try r.slice("stream")
        actorBytes = try r.slice("actor")
        causationBytes = try r.optionalSlice("causationId")
        correlationBytes = try r.optionalSlice("correlationId")
        signature = try r.optionalSlice("signature")
        signerKeyId = try r.optionalString("signerKeyId")
        payload = try r.slice("payload")
        guard r.offset == record.count else {
            throw RecordDecodingError(offset: r.offset, expected: "end of record")
        }
        self.record = record
        self.previousHash = previous
        self.hash = hash
    }

    public var type: String { String(decoding: typeBytes, as: UTF8.self) }
    public var actor: String { String(decoding: actorBytes, as: UTF8.self) }
    public var stream: String { String(decoding: streamBytes, as: UTF8.self) }
    public var id: String { String(decoding: idBytes, as: UTF8.self) }
    /// The envelope's text fields (raw values name them in decoding errors).
    enum TextField: String {
        case id, type, stream, actor
    }

    /// An envelope text field exactly as stored, refusing bytes that are not UTF-8
    /// (for full decoding; the replay loop uses the cheaper accessors above).
    func validatedText(_ field: TextField) throws(RecordDecodingError) -> String {
        let bytes: UnsafeRawBufferPointer
        switch field {
        case .id: bytes = idBytes
        case .type: bytes = typeBytes
        case .stream: bytes = streamBytes
        case .actor: bytes = actorBytes
        }
        return try Self.validated(bytes, field.rawValue)
    }

    static func validated(_ bytes: UnsafeRawBufferPointer, _ field: String) throws(RecordDecodingError) -> String {
        guard let text = String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw RecordDecodingError(offset: 0, expected: "\(field) as UTF-8")
        }
        return text
    }

    /// The type name's raw UTF-8, for a switch without building a String.
    public var typeUTF8: UnsafeRawBufferPointer { typeBytes }
    /// The other envelope texts as stored (unvalidated UTF-8), for writers that copy them
    /// straight into their output instead of building a String per field per event.
    public var idUTF8: UnsafeRawBufferPointer { idBytes }
    public var streamUTF8: UnsafeRawBufferPointer { streamBytes }
    public var actorUTF8: UnsafeRawBufferPointer { actorBytes }
    public var causationIdUTF8: UnsafeRawBufferPointer? { causationBytes }
    public var correlationIdUTF8: UnsafeRawBufferPointer? { correlationBytes }
}
