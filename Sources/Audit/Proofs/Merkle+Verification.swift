/// Proof verification that needs nothing but hashes (RFC 9162 §2.1.3.2 and §2.1.4.2),
/// so a third party can check the ledger without its storage or code.
///
/// Every malformed input (wrong length, impossible sizes, index beyond the tree) yields
/// `false`; nothing here traps.
extension Merkle {
    /// Whether `proof` shows `leafHash` at `leafIndex` in the tree of `treeSize` with `root`.
    public static func verifyInclusion(
        leafHash: Hash, leafIndex: UInt64, treeSize: UInt64, proof: [Hash], root: Hash
    ) -> Bool {
        guard leafIndex < treeSize else { return false }
        var fn = leafIndex
        var sn = treeSize - 1
        var result = leafHash
        for sibling in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                result = Merkle.nodeHash(sibling, result)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                result = Merkle.nodeHash(result, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && result == root
    }

    /// Whether `proof` shows the tree (`oldSize`, `oldRoot`) is a prefix of
    /// (`newSize`, `newRoot`).
    ///
    /// Equal sizes need an empty proof and equal roots; an empty old tree needs an empty
    /// proof and `oldRoot == Merkle.emptyRoot`, since every tree extends it.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, oldRoot: Hash, newRoot: Hash, proof: [Hash]
    ) -> Bool {
        guard oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == Merkle.emptyRoot }
        guard !proof.isEmpty, proof.count <= 128 else { return false }

        var path = proof[...]
        // When the old tree is a perfect subtree, its root is the proof's implicit first node.
        let first: Hash
        if oldSize & (oldSize - 1) == 0 {
            first = oldRoot
        } else {
            first = path.removeFirst()
        }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldResult = first
        var newResult = first
        for node in path {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                oldResult = Merkle.nodeHash(node, oldResult)
                newResult = Merkle.nodeHash(node, newResult)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newResult = Merkle.nodeHash(newResult, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldResult == oldRoot && newResult == newRoot
    }
}
