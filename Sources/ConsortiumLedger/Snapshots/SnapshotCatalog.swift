import LMDB

/// The stored snapshots, by position, inside one transaction.
struct SnapshotCatalog {
    let transaction: Transaction
    let database: Database

    static func key(_ position: UInt64) -> [UInt8] { BusinessTimeIndex.sequenceBytes(position) }

    /// The newest snapshot.
    func last() throws -> SnapshotEntry? {
        try transaction.withCursor(database) { cursor in
            guard let entry = try cursor.last() else { return nil }
            return try SnapshotEntry.decode(entry.value)
        }
    }

    /// The newest snapshot at or before `position`.
    func floor(_ position: UInt64) throws -> SnapshotEntry? {
        try transaction.withCursor(database) { cursor in
            guard let entry = try cursor.seek(atMost: Self.key(position)) else { return nil }
            return try SnapshotEntry.decode(entry.value)
        }
    }

    /// Every snapshot, oldest first.
    func all() throws -> [SnapshotEntry] {
        var entries: [SnapshotEntry] = []
        try transaction.withCursor(database) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                entries.append(try SnapshotEntry.decode(e.value))
                entry = try cursor.next()
            }
        }
        return entries
    }

    func put(_ entry: SnapshotEntry) throws {
        try transaction.put(database, Self.key(entry.position), entry.encoded())
    }
}
