import Foundation

/// A self-contained inclusion proof as it travels between tools: "this record's leaf is
/// at `leafIndex` in the tree of `treeSize`". `ledger verify-proof` reads it from a file
/// and checks it against a root taken from a signed checkpoint.
public struct InclusionProof: Sendable, Hashable, Codable {
    public var leafIndex: UInt64
    public var treeSize: UInt64
    public var leafHash: Hash
    /// Audit path, leaf sibling first (RFC 6962 PATH order).
    public var hashes: [Hash]

    public init(leafIndex: UInt64, treeSize: UInt64, leafHash: Hash, hashes: [Hash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.leafHash = leafHash
        self.hashes = hashes
    }

    /// Builds the proof for a stored leaf, reading the path from the node store.
    public init(leafIndex: UInt64, treeSize: UInt64, store: some MerkleNodeStore) throws {
        let hashes = try store.inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
        self.init(
            leafIndex: leafIndex, treeSize: treeSize,
            leafHash: try store.leafHash(at: leafIndex), hashes: hashes)
    }

    /// Whether the proof leads to `root` (the root of a checkpoint of size `treeSize`).
    public func verify(root: Hash) -> Bool {
        Merkle.verifyInclusion(
            leafHash: leafHash, leafIndex: leafIndex, treeSize: treeSize, proof: hashes, root: root)
    }

    /// Pretty, key-sorted JSON so proof files diff cleanly.
    public func jsonData() throws -> Data {
        try ProofJSON.encoder.encode(self)
    }

    /// Reads a proof file's contents.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(InclusionProof.self, from: jsonData)
    }
}

/// Shared encoder settings for the proof files.
enum ProofJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
