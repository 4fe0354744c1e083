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
        event.hasSameSubmission(as: submission)
    }

    /// The event as its submitter offered it (what idempotency compares).
    var submission: NewEvent {
        NewEvent(
            id: id, type: type, stream: stream, occurredAt: occurredAt, occurredOffsetMinutes: occurredOffsetMinutes,
            actor: actor, schemaVersion: schemaVersion, payload: payload, causationId: causationId,
            correlationId: correlationId, signature: signature, signerKeyId: signerKeyId)
    }
}
