import Audit
import EventStore
import LMDB

/// Merkle nodes kept in the ledger's `merkle` database, so any proof is O(log n) lookups.
struct LMDBMerkleNodeStore: MerkleNodeStore {
    let transaction: Transaction
    let database: Database

    func node(level: UInt8, index: UInt64) throws -> Hash? {
        try transaction.get(database, MerkleNode.storageKey(level: level, index: index)).flatMap { Hash(bytes: $0) }
    }

    mutating func put(level: UInt8, index: UInt64, hash: Hash) throws {
        try transaction.put(database, MerkleNode.storageKey(level: level, index: index), hash.bytes)
    }

    /// Writes a batch's nodes in key order (level, then index) through one cursor, which LMDB
    /// inserts cheaply: each put after the first starts from the cursor's page, not the root.
    mutating func put(contentsOf nodes: [MerkleNode]) throws {
        var ordered = nodes
        Self.sortInKeyOrder(&ordered)
        try put(inKeyOrder: ordered)
    }

    /// `put(contentsOf:)` for nodes already in key order (`sortInKeyOrder`), sorted by a thread
    /// beside the writer (a mirror's check).
    mutating func put(inKeyOrder nodes: [MerkleNode]) throws {
        try transaction.withCursor(database) { cursor in
            for node in nodes {
                try node.hash.withUnsafeBytes { hash in
                    try cursor.put(NodeKey(level: node.level, index: node.index), hash)
                }
            }
        }
    }

    /// Puts `nodes` in the database's key order: level, then index.
    ///
    /// An accumulator appends each level's nodes in index order, so splitting them by level,
    /// keeping their order, is the key order, in one pass (a comparison sort was a twentieth of a
    /// mirror's check); nodes that come otherwise are sorted.
    static func sortInKeyOrder(_ nodes: inout [MerkleNode]) {
        var counts = [Int](repeating: 0, count: Int(UInt8.max) + 1)
        var lastIndex = [UInt64?](repeating: nil, count: counts.count)
        for node in nodes {
            let level = Int(node.level)
            if let last = lastIndex[level], last >= node.index {
                nodes.sort { $0.level == $1.level ? $0.index < $1.index : $0.level < $1.level }
                return
            }
            lastIndex[level] = node.index
            counts[level] += 1
        }
        var next = counts
        var start = 0
        for level in counts.indices {
            next[level] = start
            start += counts[level]
        }
        var ordered = nodes
        for node in nodes {
            ordered[next[Int(node.level)]] = node
            next[Int(node.level)] += 1
        }
        nodes = ordered
    }
}

/// `MerkleNode.storageKey` without an array: level, then index big-endian (9 bytes).
private struct NodeKey: LMDBBytes {
    let level: UInt8
    let index: UInt64

    func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var packed: (UInt64, UInt64) = (0, 0)
        return try withUnsafeMutableBytes(of: &packed) { out in
            out[0] = level
            out.storeBytes(of: index.bigEndian, toByteOffset: 1, as: UInt64.self)
            return try body(UnsafeRawBufferPointer(rebasing: out[0..<9]))
        }
    }
}

/// Persists the accumulator (the compact range of perfect-subtree roots) beside the log.
enum MerkleState {
    static let key = "merkle.accumulator"

    static func load(_ txn: Transaction, _ dbs: LedgerSchema) throws -> MerkleAccumulator {
        guard let raw = try txn.get(dbs.state, key) else { return MerkleAccumulator() }
        return try MerkleAccumulator(serialized: Array(raw))
    }

    static func save(_ accumulator: MerkleAccumulator, _ txn: Transaction, _ dbs: LedgerSchema) throws {
        try txn.put(dbs.state, key, accumulator.serialized())
    }
}
