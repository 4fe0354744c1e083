/// Where the perfect-subtree roots of a growing tree live, so proofs cost O(log n) reads
/// instead of rehashing history.
///
/// The ledger backs this with an LMDB database keyed by `MerkleNode.storageKey`; tests and
/// scratch audits use `InMemoryMerkleNodeStore`. Nodes are immutable once written: a
/// `put` of an existing address always carries the same hash, so replays are harmless.
public protocol MerkleNodeStore {
    /// The stored root of the perfect subtree at (`level`, `index`), or `nil` if absent.
    func node(level: UInt8, index: UInt64) throws -> Hash?

    /// Persists one perfect-subtree root.
    mutating func put(level: UInt8, index: UInt64, hash: Hash) throws

    /// Persists many nodes in one go; override to batch (one cursor, one transaction).
    mutating func put(contentsOf nodes: [MerkleNode]) throws
}

extension MerkleNodeStore {
    public mutating func put(contentsOf nodes: [MerkleNode]) throws {
        for node in nodes {
            try put(level: node.level, index: node.index, hash: node.hash)
        }
    }

    /// Reads a node that must exist, turning absence into a precise error.
    internal func requireNode(level: UInt8, index: UInt64) throws -> Hash {
        guard let hash = try node(level: level, index: index) else {
            throw MerkleError(.missingNode, "no stored node at level \(level), index \(index)")
        }
        return hash
    }
}
