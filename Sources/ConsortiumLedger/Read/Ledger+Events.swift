import EventStore

/// Reading recorded events through the facade: each call is one consistent snapshot.
extension Ledger {
    /// Events by global sequence in `range`, oldest first (newest first with `backward`), at most `limit`.
    public func events(in range: ClosedRange<UInt64>, backward: Bool = false, limit: Int = .max) throws
        -> [RecordedEvent]
    {
        try store.read {
            try $0.events(from: range.lowerBound, through: range.upperBound, backward: backward, limit: limit)
        }
    }

    /// Events from sequence `lower` through `upper` (empty when `lower > upper`).
    public func events(
        from lower: UInt64 = 1, through upper: UInt64 = .max, backward: Bool = false, limit: Int = .max
    ) throws -> [RecordedEvent] {
        try store.read { try $0.events(from: lower, through: upper, backward: backward, limit: limit) }
    }

    /// Events of one stream (e.g. `agreement-A1`) by version.
    public func events(
        inStream stream: String, fromVersion lower: UInt64 = 1, throughVersion upper: UInt64 = .max,
        backward: Bool = false, limit: Int = .max
    ) throws -> [RecordedEvent] {
        try store.read {
            try $0.events(inStream: stream, fromVersion: lower, throughVersion: upper, backward: backward, limit: limit)
        }
    }

    /// The event recorded at `sequence`, if any.
    public func event(sequence: UInt64) throws -> RecordedEvent? {
        try store.read { try $0.event(sequence: sequence) }
    }

    /// The sequence of the event with this id, if recorded.
    public func sequence(ofEventId id: String) throws -> UInt64? {
        try store.read { try $0.sequence(ofEventId: id) }
    }

    /// The stream's current version (0 when it has no events).
    public func streamVersion(_ stream: String) throws -> UInt64 {
        try store.read { try $0.streamVersion(stream) }
    }

    /// The last sequence (0 for an empty ledger) and the chain's head hash.
    public func head() throws -> (sequence: UInt64, hash: ChainHash) { try store.head() }
}
