import LMDB

/// The index entries of one batch, kept in memory until the batch is done so that they can be
/// written in key order. Lookups during the batch consult these before the databases.
struct PendingIndexes {
    var ids: [String: (sequence: UInt64, batchIndex: Int)] = [:]
    var heads: [String: UInt64] = [:]
    var streamEntries: [(stream: String, version: UInt64, sequence: UInt64)] = []

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        streamEntries.reserveCapacity(capacity)
    }

    mutating func record(id: String, stream: String, version: UInt64, sequence: UInt64, batchIndex: Int) {
        ids[id] = (sequence, batchIndex)
        heads[stream] = version
        streamEntries.append((stream, version, sequence))
    }

    /// Writes every entry, each database in ascending key order.
    func write(to txn: Transaction, dbs: LedgerDatabases) throws {
        for (id, entry) in ids.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            try txn.put(dbs.ids, id, BigEndianKey(entry.sequence))
        }
        for (stream, version) in heads.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            try txn.put(dbs.heads, stream, BigEndianKey(version))
        }
        let ordered = streamEntries.sorted {
            $0.stream == $1.stream ? $0.version < $1.version : $0.stream.utf8.lexicographicallyPrecedes($1.stream.utf8)
        }
        for entry in ordered {
            try txn.put(dbs.streams, StreamKey(stream: entry.stream, version: entry.version), BigEndianKey(entry.sequence))
        }
    }
}
