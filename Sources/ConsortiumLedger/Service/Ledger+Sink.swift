import Audit
import Domain
import EventStore
import Projections

/// A stretch of the log read on one snapshot for a consumer that copies events out row by
/// row (the PostgreSQL sink): the ledger's identity, its head at that moment, and the records.
public struct SinkChunk: Sendable {
    /// The ledger's id (a UUID chosen at `init`, kept by export and restore).
    public var ledgerId: String
    /// The last recorded sequence on the snapshot (0 for an empty ledger).
    public var headSequence: UInt64
    public var records: [SinkRecord]
}

/// One recorded event in the shape a row-per-event consumer needs: the envelope, the payload
/// as docs/DOMAIN.md JSON, both chain hashes, and the decoded event with the context the tier
/// projectors fold.
public struct SinkRecord: Sendable {
    public var sequence: UInt64
    public var id: String
    public var type: String
    public var stream: String
    public var occurredAt: Timestamp
    public var actor: String
    /// The payload as a serialized JSON object (what `ledger log --format jsonl` shows as
    /// `data`); empty when the reader asked for no data.
    public var data: [UInt8]
    /// The chain hash of the record before (the genesis hash for sequence 1), 32 bytes.
    public var previousHash: [UInt8]
    /// This record's chain hash, 32 bytes.
    public var hash: [UInt8]
    public var event: DomainEvent
    public var context: EventContext

    public init(
        sequence: UInt64, id: String, type: String, stream: String, occurredAt: Timestamp, actor: String,
        data: [UInt8], previousHash: [UInt8], hash: [UInt8], event: DomainEvent
    ) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.stream = stream
        self.occurredAt = occurredAt
        self.actor = actor
        self.data = data
        self.previousHash = previousHash
        self.hash = hash
        self.event = event
        context = EventContext(sequence: sequence, occurredAt: occurredAt, actor: actor)
    }
}

extension Ledger {
    /// The previous hash of a ledger's first record: SHA-256 of its id, so a reader that knows
    /// the id can check that sequence 1 starts that ledger's chain.
    public static func genesisHash(ofLedgerId ledgerId: String) -> [UInt8] {
        Array(ledgerId.utf8).withUnsafeBytes { ChainHash.digest($0) }.bytes
    }

    /// Up to `limit` records after `sequence`, in order, on one read snapshot.
    ///
    /// `includeData: false` skips the JSON of the payloads, for a consumer that only folds
    /// (the sink rebuilding its tier models up to the position it had reached).
    public func sinkChunk(after sequence: UInt64, limit: Int, includeData: Bool = true) throws -> SinkChunk {
        try store.read { reader in
            let head = try reader.head().sequence
            var records: [SinkRecord] = []
            if sequence < head, limit > 0 {
                records.reserveCapacity(Int(min(UInt64(limit), head - sequence)))
                let last = UInt64(limit) > UInt64.max - sequence ? UInt64.max : sequence + UInt64(limit)
                try reader.scan(from: sequence + 1, through: last) { view in
                    records.append(try Self.sinkRecord(view, includeData: includeData))
                    return true
                }
            }
            return SinkChunk(ledgerId: store.ledgerId, headSequence: head, records: records)
        }
    }

    private static func sinkRecord(_ view: RecordView, includeData: Bool) throws -> SinkRecord {
        let event: DomainEvent
        do {
            event = try view.decodedEvent()
        } catch {
            throw LedgerError(.io, "record \(view.sequence) (\(view.type)) has an unreadable payload: \(error)")
        }
        var data: [UInt8] = []
        if includeData {
            data.reserveCapacity(view.payload.count * 2 + 32)
            JSONValue.object(event.jsonObject()).serialize(into: &data)
        }
        return SinkRecord(
            sequence: view.sequence, id: view.id, type: view.type, stream: view.stream,
            occurredAt: view.occurredTimestamp, actor: view.actor, data: data,
            previousHash: view.previousHash.bytes, hash: view.hash.bytes, event: event)
    }
}
