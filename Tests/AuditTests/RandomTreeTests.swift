import Audit
import Testing

@Suite("Random trees up to 10^5 leaves")
struct RandomTreeTests {
    static let maximumSize = 100_000
    /// Built once: the largest tree, whose store answers for every smaller size too.
    static let leaves = syntheticLeaves(maximumSize)
    static let tree: (MerkleAccumulator, InMemoryMerkleNodeStore) = {
        do { return try buildTree(leaves) } catch { fatalError("building the test tree: \(error)") }
    }()

    @Test func smallTreesMatchReferenceForEveryProof() throws {
        let leaves = Self.leaves
        let store = Self.tree.1
        for size in 1...33 {
            let root = ReferenceMerkle.root(leaves[..<size])
            #expect(try store.rootHash(treeSize: UInt64(size)) == root)
            for index in 0..<size {
                let proof = try store.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                #expect(proof == ReferenceMerkle.path(index, leaves[..<size]))
                #expect(
                    Merkle.verifyInclusion(
                        leafHash: leaves[index], leafIndex: UInt64(index), treeSize: UInt64(size), proof: proof,
                        root: root))
            }
            for old in 1...size {
                let proof = try store.consistencyProof(oldSize: UInt64(old), newSize: UInt64(size))
                #expect(proof == ReferenceMerkle.proof(old, leaves[..<size]))
            }
        }
    }

    @Test(arguments: [1, 2, 3, 255, 256, 257, 4_095, 65_536, 65_537, 99_999, 100_000])
    func rootMatchesReference(size: Int) throws {
        let expected = ReferenceMerkle.root(Self.leaves[..<size])
        #expect(try Self.tree.1.rootHash(treeSize: UInt64(size)) == expected)
        var accumulator = MerkleAccumulator()
        accumulator.append(leafHashes: Self.leaves[..<size])
        #expect(accumulator.root == expected)
        #expect(accumulator.size == UInt64(size))
    }

    @Test func fullTreeAccumulatorAgreesWithStore() throws {
        let (accumulator, store) = Self.tree
        #expect(accumulator.size == UInt64(Self.maximumSize))
        #expect(try store.rootHash(treeSize: accumulator.size) == accumulator.root)
    }

    @Test func randomInclusionProofsVerifyAndTamperingFails() throws {
        var random = SeededGenerator(seed: 0x1ED6E5)
        let store = Self.tree.1
        for _ in 0..<150 {
            let size = UInt64.random(in: 1...UInt64(Self.maximumSize), using: &random)
            let index = UInt64.random(in: 0..<size, using: &random)
            let leaf = Self.leaves[Int(index)]
            let root = try store.rootHash(treeSize: size)
            let proof = try store.inclusionProof(leafIndex: index, treeSize: size)
            func verifies(_ proof: [Hash], leaf: Hash = leaf, root: Hash = root) -> Bool {
                Merkle.verifyInclusion(leafHash: leaf, leafIndex: index, treeSize: size, proof: proof, root: root)
            }
            #expect(verifies(proof), "leaf \(index) of \(size)")
            #expect(!verifies(proof, root: root.flippingBit(Int(index % 256))))
            #expect(!verifies(proof, leaf: Self.leaves[Int((index + 1) % UInt64(Self.maximumSize))]))
            #expect(!verifies(proof + [leaf]))
            if !proof.isEmpty {
                var flipped = proof
                let position = Int.random(in: 0..<proof.count, using: &random)
                flipped[position] = proof[position].flippingBit(Int.random(in: 0..<256, using: &random))
                #expect(!verifies(flipped))
                var dropped = proof
                dropped.remove(at: Int.random(in: 0..<proof.count, using: &random))
                #expect(!verifies(dropped))
            }
        }
    }

    @Test func randomConsistencyProofsVerifyAndTamperingFails() throws {
        var random = SeededGenerator(seed: 0xC0FFEE)
        let store = Self.tree.1
        for _ in 0..<150 {
            let newSize = UInt64.random(in: 2...UInt64(Self.maximumSize), using: &random)
            let oldSize = UInt64.random(in: 1..<newSize, using: &random)
            let oldRoot = try store.rootHash(treeSize: oldSize)
            let newRoot = try store.rootHash(treeSize: newSize)
            let proof = try store.consistencyProof(oldSize: oldSize, newSize: newSize)
            func verifies(_ proof: [Hash], old: Hash = oldRoot, new: Hash = newRoot) -> Bool {
                Merkle.verifyConsistency(oldSize: oldSize, newSize: newSize, oldRoot: old, newRoot: new, proof: proof)
            }
            #expect(verifies(proof), "\(oldSize) → \(newSize)")
            #expect(!verifies(proof, old: oldRoot.flippingBit(3)))
            #expect(!verifies(proof, new: newRoot.flippingBit(200)))
            #expect(!verifies(proof + [newRoot]))
            var flipped = proof
            let position = Int.random(in: 0..<proof.count, using: &random)
            flipped[position] = proof[position].flippingBit(Int.random(in: 0..<256, using: &random))
            #expect(!verifies(flipped))
            var dropped = proof
            dropped.remove(at: Int.random(in: 0..<proof.count, using: &random))
            #expect(!verifies(dropped))
        }
    }
}
