/// What every event-log implementation offers, so one shared test suite can hold the
/// LMDB store and the in-memory test store to the same contract.
public protocol EventLog: Sendable {
    /// Appends a batch atomically and durably; see `LogWriter.appendBatch`.
    @discardableResult
    func append(_ batch: [NewEvent]) throws -> AppendResult
    /// Events by global sequence.
    func events(from lower: UInt64, through upper: UInt64, backward: Bool, limit: Int) throws -> [RecordedEvent]
    /// Events of one stream by version.
    func events(
        inStream stream: String, fromVersion lower: UInt64, throughVersion upper: UInt64, backward: Bool, limit: Int
    )
        throws -> [RecordedEvent]
    /// The stream's current version (0 when it has none).
    func streamVersion(_ stream: String) throws -> UInt64
    /// The last sequence and head hash.
    func head() throws -> (sequence: UInt64, hash: ChainHash)
    /// Walks the hash chain from genesis.
    func verifyChain() throws -> ChainReport
}

extension EventStore: EventLog {
    public func events(from lower: UInt64, through upper: UInt64, backward: Bool, limit: Int) throws -> [RecordedEvent]
    {
        try read { try $0.events(from: lower, through: upper, backward: backward, limit: limit) }
    }

    public func events(
        inStream stream: String, fromVersion lower: UInt64, throughVersion upper: UInt64, backward: Bool, limit: Int
    ) throws -> [RecordedEvent] {
        try read {
            try $0.events(inStream: stream, fromVersion: lower, throughVersion: upper, backward: backward, limit: limit)
        }
    }

    public func streamVersion(_ stream: String) throws -> UInt64 { try read { try $0.streamVersion(stream) } }
    public func head() throws -> (sequence: UInt64, hash: ChainHash) { try read { try $0.head() } }
    public func verifyChain() throws -> ChainReport { try read { try $0.verifyChain() } }
}

extension RecordCodec {
    /// Encodes a full stored value (record plus chain trailer) and returns it with its hash.
    /// Public so other log implementations produce byte-identical records.
    public static func encodeStored(
        _ event: NewEvent, sequence: UInt64, version: UInt64, recordedAt: Int64, previous: ChainHash
    ) -> (stored: [UInt8], hash: ChainHash) {
        var stored = encodeRecord(event, sequence: sequence, version: version, recordedAt: recordedAt)
        let hash = stored.withUnsafeBytes { ChainHash.link(previous: previous, record: $0) }
        previous.withUnsafeBytes { stored.append(contentsOf: $0) }
        hash.withUnsafeBytes { stored.append(contentsOf: $0) }
        return (stored, hash)
    }
}
