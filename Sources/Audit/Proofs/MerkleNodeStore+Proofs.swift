/// Proof generation over stored perfect nodes (RFC 6962 §2.1.1 PATH, §2.1.2 SUBPROOF).
///
/// Nodes completed by later appends never change, so a store holding a larger tree can
/// still answer for any past size. Each RFC split yields a perfect left subtree (one read)
/// and a right remainder whose hash is rebuilt from O(log n) perfect nodes.
extension MerkleNodeStore {
    /// MTH of the first `treeSize` leaves: lets an auditor check a checkpoint of any
    /// past size against the current store.
    public func rootHash(treeSize: UInt64) throws -> Hash {
        treeSize == 0 ? Merkle.emptyRoot : try subtreeHash(start: 0, count: treeSize)
    }

    /// The stored leaf hash at `index`.
    public func leafHash(at index: UInt64) throws -> Hash {
        try requireNode(level: 0, index: index)
    }

    /// PATH(m, D[n]): the audit path proving leaf `leafIndex` is in the tree of `treeSize`,
    /// ordered from the leaf's sibling up to the root's child.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) throws -> [Hash] {
        guard leafIndex < treeSize else {
            throw MerkleError(
                .leafIndexOutOfRange, "leaf index \(leafIndex) is not in a tree of size \(treeSize)")
        }
        var siblings: [Hash] = []
        var start: UInt64 = 0
        var index = leafIndex
        var count = treeSize
        while count > 1 {
            let split = Merkle.splitPoint(count)
            if index < split {
                siblings.append(try subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                siblings.append(try subtreeHash(start: start, count: split))
                start += split
                index -= split
                count -= split
            }
        }
        return siblings.reversed()
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true): shows the tree of `oldSize` is a prefix
    /// of the tree of `newSize`. Empty when the sizes are equal or `oldSize` is 0.
    public func consistencyProof(oldSize: UInt64, newSize: UInt64) throws -> [Hash] {
        guard oldSize <= newSize else {
            throw MerkleError(
                .invalidTreeSize, "old size \(oldSize) is larger than new size \(newSize)")
        }
        guard oldSize > 0, oldSize < newSize else { return [] }
        var proof: [Hash] = []
        var start: UInt64 = 0
        var old = oldSize
        var count = newSize
        var oldIsWholeTree = true
        while old != count {
            let split = Merkle.splitPoint(count)
            if old <= split {
                proof.append(try subtreeHash(start: start + split, count: count - split))
                count = split
            } else {
                proof.append(try subtreeHash(start: start, count: split))
                start += split
                old -= split
                count -= split
                oldIsWholeTree = false
            }
        }
        if !oldIsWholeTree {
            proof.append(try subtreeHash(start: start, count: old))
        }
        return proof.reversed()
    }

    /// MTH(D[start ..< start + count]) for count ≥ 1, read directly when the range is a
    /// stored perfect subtree and otherwise split as RFC 6962 does.
    internal func subtreeHash(start: UInt64, count: UInt64) throws -> Hash {
        precondition(count > 0, "a subtree has at least one leaf")
        if count & (count - 1) == 0, start & (count - 1) == 0 {
            let level = UInt8(count.trailingZeroBitCount)
            return try requireNode(level: level, index: start >> UInt64(level))
        }
        let split = Merkle.splitPoint(count)
        let left = try subtreeHash(start: start, count: split)
        let right = try subtreeHash(start: start + split, count: count - split)
        return Merkle.nodeHash(left, right)
    }
}
