import LMDB

/// Reads of the event log on one consistent snapshot (`EventStore.read { reader in … }`).
public struct LogReader {
    public let transaction: Transaction
    let dbs: LedgerSchema
    let genesis: ChainHash

    private var log: LogLookup { LogLookup(transaction: transaction, dbs: dbs) }

    /// The last sequence (0 for an empty ledger) and the chain's head hash.
    public func head() throws -> (sequence: UInt64, hash: ChainHash) { try log.head(genesis: genesis) }

    public func event(sequence: UInt64) throws -> RecordedEvent? { try log.event(sequence) }

    /// The sequence of the event with this id, if recorded.
    public func sequence(ofEventId id: String) throws -> UInt64? {
        try transaction.get(dbs.ids, id).flatMap(BigEndianKey.decode)
    }

    /// Events by global sequence, oldest first (or newest first with `backward`).
    public func events(
        from lower: UInt64 = 1, through upper: UInt64 = .max, backward: Bool = false, limit: Int = .max
    ) throws -> [RecordedEvent] {
        guard lower <= upper else { return [] }
        return try log.events(in: lower...upper, backward: backward, limit: limit)
    }

    /// Events of one stream by version.
    public func events(
        inStream stream: String, fromVersion lower: UInt64 = 1, throughVersion upper: UInt64 = .max,
        backward: Bool = false, limit: Int = .max
    ) throws -> [RecordedEvent] {
        guard lower <= upper else { return [] }
        return try log.events(stream: stream, versions: lower...upper, backward: backward, limit: limit)
    }

    /// The stream's current version (0 when it has no events).
    public func streamVersion(_ stream: String) throws -> UInt64 {
        try LogLookup(transaction: transaction, dbs: dbs).streamVersion(stream)
    }

    /// Visits stored records from `lower` onwards without copying; `body` returns false to stop.
    /// A record that does not parse is reported through `onDamaged` (default: throw).
    public func scan(
        from lower: UInt64 = 1, through upper: UInt64 = .max,
        _ body: (RecordView) throws -> Bool
    ) throws {
        try transaction.withCursor(dbs.events) { cursor in
            var entry = try cursor.seek(atLeast: BigEndianKey(lower))
            while let current = entry {
                guard let sequence = BigEndianKey.decode(current.key), sequence <= upper else { return }
                let view: RecordView
                do {
                    view = try RecordView(stored: current.value)
                } catch {
                    throw EventStoreError(.corruptRecord, "record \(sequence): \(error)")
                }
                if try !body(view) { return }
                entry = try cursor.next()
            }
        }
    }

    /// Raw stored entries (sequence key, stored bytes) for verifiers that must see damage.
    public func scanRaw(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool) throws {
        try transaction.withCursor(dbs.events) { cursor in
            var entry = try cursor.first()
            while let current = entry {
                if try !body(current.key, current.value) { return }
                entry = try cursor.next()
            }
        }
    }

    /// Number of stored records.
    public func count() throws -> Int { try transaction.count(dbs.events) }
}

extension LogReader {
    /// Visits stored values (record ‖ previous hash ‖ hash) from `lower` on without parsing
    /// them, for copying them elsewhere byte for byte; `body` returns false to stop.
    public func scanStored(
        from lower: UInt64 = 1, _ body: (UInt64, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try transaction.withCursor(dbs.events) { cursor in
            var entry = try cursor.seek(atLeast: BigEndianKey(lower))
            while let current = entry {
                guard let sequence = BigEndianKey.decode(current.key) else {
                    throw EventStoreError(.corruptRecord, "events database holds a key that is not a sequence number")
                }
                if try !body(sequence, current.value) { return }
                entry = try cursor.next()
            }
        }
    }
}
