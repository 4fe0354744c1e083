import LMDB

/// Reads of the event log inside any transaction.
struct LogLookup {
    let transaction: Transaction
    let dbs: LedgerSchema

    func head(genesis: ChainHash) throws -> (sequence: UInt64, hash: ChainHash) {
        try transaction.withCursor(dbs.events) { cursor in
            guard let last = try cursor.last() else { return (0, genesis) }
            guard let sequence = BigEndianKey.decode(last.key) else {
                throw EventStoreError(.corruptRecord, "events database holds a key that is not a sequence number")
            }
            do {
                return (sequence, try RecordCodec.split(last.value).hash)
            } catch {
                throw EventStoreError(.corruptRecord, "record \(sequence): \(error)")
            }
        }
    }

    func event(_ sequence: UInt64) throws -> RecordedEvent? {
        guard let raw = try transaction.get(dbs.events, BigEndianKey(sequence)) else { return nil }
        return try decode(raw, sequence: sequence)
    }

    func decode(_ raw: UnsafeRawBufferPointer, sequence: UInt64) throws -> RecordedEvent {
        do {
            return try RecordCodec.decode(raw)
        } catch {
            throw EventStoreError(.corruptRecord, "record \(sequence): \(error)")
        }
    }

    /// Events with sequence in `range`, forward or backward, at most `limit`.
    func events(in range: ClosedRange<UInt64>, backward: Bool, limit: Int) throws -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        try transaction.withCursor(dbs.events) { cursor in
            var entry =
                backward
                ? try cursor.seek(atMost: BigEndianKey(range.upperBound))
                : try cursor.seek(atLeast: BigEndianKey(range.lowerBound))
            while let current = entry, out.count < limit {
                guard let sequence = BigEndianKey.decode(current.key), range.contains(sequence) else { break }
                out.append(try decode(current.value, sequence: sequence))
                entry = backward ? try cursor.previous() : try cursor.next()
            }
        }
        return out
    }

    /// Events of one stream with version in `versions`, forward or backward, at most `limit`.
    func events(stream: String, versions: ClosedRange<UInt64>, backward: Bool, limit: Int) throws -> [RecordedEvent] {
        var sequences: [UInt64] = []
        let prefix = Array(stream.utf8) + [0]
        try transaction.withCursor(dbs.streams) { cursor in
            var entry =
                backward
                ? try cursor.seek(atMost: StreamKey(stream: stream, version: versions.upperBound))
                : try cursor.seek(atLeast: StreamKey(stream: stream, version: versions.lowerBound))
            while let current = entry, sequences.count < limit {
                guard current.key.count == prefix.count + 8, current.key.starts(with: prefix) else { break }
                let version = BigEndianKey.decode(UnsafeRawBufferPointer(rebasing: current.key[prefix.count...])) ?? 0
                guard versions.contains(version), let sequence = BigEndianKey.decode(current.value) else { break }
                sequences.append(sequence)
                entry = backward ? try cursor.previous() : try cursor.next()
            }
        }
        return try sequences.compactMap { try event($0) }
    }
}
