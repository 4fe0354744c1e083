/// An event offered for appending. The store assigns its sequence, version, recordedAt and hashes.
public struct NewEvent: Sendable, Equatable {
    /// Unique id; re-sending the same id with the same content is a no-op.
    public var id: String
    /// Event type name, e.g. `AgreementSigned`.
    public var type: String
    /// The stream it belongs to, e.g. `agreement-A1`.
    public var stream: String
    /// When it happened in the world (milliseconds since the Unix epoch, UTC).
    public var occurredAt: Int64
    /// The UTC offset the submitter wrote `occurredAt` in, so the local date survives (a
    /// 01:00 +08:00 event on New Year's Day belongs to the new year).
    public var occurredOffsetMinutes: Int16
    /// The member id that submits it.
    public var actor: String
    /// The payload's schema version, so old records stay readable after a shape change.
    public var schemaVersion: UInt16
    /// The binary payload (the domain's codec; never JSON on the hot path).
    public var payload: [UInt8]
    /// Optimistic concurrency: the stream's version before this event (0 = new stream).
    public var expectedVersion: UInt64?
    public var causationId: String?
    public var correlationId: String?
    /// Ed25519 signature by the acting member over the event's canonical bytes.
    public var signature: [UInt8]?
    public var signerKeyId: String?
    /// Restores only: the recordedAt the event had in the ledger it was exported from, so the
    /// restored record — and with it the chain hash and Merkle leaf — is byte-identical. Normal
    /// appends leave it nil and get the write transaction's clock.
    public var recordedAt: Int64?

    public init(
        id: String, type: String, stream: String, occurredAt: Int64, occurredOffsetMinutes: Int16 = 0, actor: String,
        schemaVersion: UInt16 = 1, payload: [UInt8], expectedVersion: UInt64? = nil,
        causationId: String? = nil, correlationId: String? = nil,
        signature: [UInt8]? = nil, signerKeyId: String? = nil
    ) {
        self.id = id
        self.type = type
        self.stream = stream
        self.occurredAt = occurredAt
        self.occurredOffsetMinutes = occurredOffsetMinutes
        self.actor = actor
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.expectedVersion = expectedVersion
        self.causationId = causationId
        self.correlationId = correlationId
        self.signature = signature
        self.signerKeyId = signerKeyId
    }

    /// Same submission in substance: what idempotency compares between two offers of one id.
    public func hasSameSubmission(as other: NewEvent) -> Bool {
        id == other.id && type == other.type && stream == other.stream && occurredAt == other.occurredAt
            && occurredOffsetMinutes == other.occurredOffsetMinutes && actor == other.actor
            && schemaVersion == other.schemaVersion && payload == other.payload
            && causationId == other.causationId && correlationId == other.correlationId
    }
}
