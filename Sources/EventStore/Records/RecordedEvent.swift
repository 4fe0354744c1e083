/// An event as the ledger recorded it: envelope, payload and its hash-chain link.
public struct RecordedEvent: Sendable, Equatable {
    public var sequence: UInt64
    public var id: String
    public var type: String
    public var stream: String
    /// Position in its stream, from 1.
    public var version: UInt64
    public var occurredAt: Int64
    public var occurredOffsetMinutes: Int16
    public var recordedAt: Int64
    public var actor: String
    public var schemaVersion: UInt16
    public var causationId: String?
    public var correlationId: String?
    public var signature: [UInt8]?
    public var signerKeyId: String?
    public var payload: [UInt8]
    public var previousHash: ChainHash
    public var hash: ChainHash

    /// Same event in substance (what idempotency compares): everything the submitter chose.
    public func hasSameContent(as event: NewEvent) -> Bool {
        id == event.id && type == event.type && stream == event.stream && occurredAt == event.occurredAt
            && occurredOffsetMinutes == event.occurredOffsetMinutes            && actor == event.actor && schemaVersion == event.schemaVersion && payload == event.payload
            && causationId == event.causationId && correlationId == event.correlationId
    }
}
