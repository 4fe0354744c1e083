import LMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Writes every entry, each database in ascending key order (LMDB's memcmp order).
    func write(to txn: Transaction, dbs: LedgerSchema) throws {
        for (key, sequence) in sortedByBytes(ids.map { (Array($0.key.utf8), $0.value.sequence) }) {
            try txn.put(dbs.ids, key, BigEndianKey(sequence))
        }
        for (key, version) in sortedByBytes(heads.map { (Array($0.key.utf8), $0.value) }) {
            try txn.put(dbs.heads, key, BigEndianKey(version))
        }
        let streamKeys = streamEntries.map { entry in
            var key = Array(entry.stream.utf8)
            key.append(0)
            withUnsafeBytes(of: entry.version.bigEndian) { key.append(contentsOf: $0) }
            return (key, entry.sequence)
        }
        for (key, sequence) in sortedByBytes(streamKeys) {
            try txn.put(dbs.streams, key, BigEndianKey(sequence))
        }
    }

    private func sortedByBytes(_ entries: [([UInt8], UInt64)]) -> [([UInt8], UInt64)] {
        entries.sorted { a, b in
            a.0.withUnsafeBytes { x in
                b.0.withUnsafeBytes { y in
                    let n = min(x.count, y.count)
                    guard n > 0, let p = x.baseAddress, let q = y.baseAddress else { return x.count < y.count }
                    let c = memcmp(p, q, n)
                    return c != 0 ? c < 0 : x.count < y.count
                }
            }
        }
    }
}
