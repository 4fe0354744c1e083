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

    /// The version of `stream`'s last entry in the streams index, 0 when it has none. The head
    /// is read from the index rather than kept in a table of its own, which would cost every
    /// append a second random-keyed write (docs/DESIGN.md, Storage): the entries of one stream
    /// are `stream ‖ 0x00 ‖ version`, so its last one is the last key before `stream ‖ 0x01`.
    /// That holds because no stream name contains NUL (refused on append, `validateShape`, and
    /// on a mirror's copy, `VerbatimCheck`): a name `a ‖ 0x00 ‖ …` would hide stream `a`'s head.
    func streamVersion(_ stream: String) throws -> UInt64 {
        var name = stream
        return try name.withUTF8 { utf8 in
            try withUnsafeTemporaryAllocation(byteCount: utf8.count + 1, alignment: 1) { bound in
                bound.copyMemory(from: UnsafeRawBufferPointer(utf8))
                bound[utf8.count] = 1
                return try transaction.withCursor(dbs.streams) { cursor in
                    guard let last = try cursor.seek(before: UnsafeRawBufferPointer(bound)),
                        last.key.count == utf8.count + 1 + 8, last.key[utf8.count] == 0,
                        last.key.prefix(utf8.count).elementsEqual(UnsafeRawBufferPointer(utf8))
                    else { return 0 }
                    return BigEndianKey.decode(UnsafeRawBufferPointer(rebasing: last.key[(utf8.count + 1)...])) ?? 0
                }
            }
        }
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
