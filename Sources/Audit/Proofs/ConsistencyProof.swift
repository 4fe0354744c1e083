import Foundation

/// A self-contained consistency proof: "the tree of `newSize` extends the tree of
/// `oldSize`", checked against the roots of two signed checkpoints so an auditor knows
/// no history was rewritten between them.
public struct ConsistencyProof: Sendable, Hashable, Codable {
    public var oldSize: UInt64
    public var newSize: UInt64
    /// RFC 6962 PROOF(m, D[n]) order.
    public var hashes: [Hash]

    public init(oldSize: UInt64, newSize: UInt64, hashes: [Hash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// Builds the proof from the node store.
    public init(oldSize: UInt64, newSize: UInt64, store: some MerkleNodeStore) throws {
        let hashes = try store.consistencyProof(oldSize: oldSize, newSize: newSize)
        self.init(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// Whether the proof links `oldRoot` (size `oldSize`) to `newRoot` (size `newSize`).
    public func verify(oldRoot: Hash, newRoot: Hash) -> Bool {
        Merkle.verifyConsistency(
            oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: hashes)
    }

    /// Pretty, key-sorted JSON so proof files diff cleanly.
    public func jsonData() throws -> Data {
        try ProofJSON.encoder.encode(self)
    }

    /// Reads a proof file's contents.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(ConsistencyProof.self, from: jsonData)
    }
}
