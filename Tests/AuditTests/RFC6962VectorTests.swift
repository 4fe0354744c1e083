import Audit
import Testing

@Suite("RFC 6962 reference vectors")
struct RFC6962VectorTests {
    let vectors: RFC6962Vectors
    let leaves: [Hash]
    let store: InMemoryMerkleNodeStore

    init() throws {
        vectors = try RFC6962Vectors.load()
        leaves = vectors.leafInputs.map { Merkle.leafHash($0) }
        store = try buildTree(leaves).1
    }

    @Test func vectorFileCoversSizesZeroThroughEight() {
        #expect(vectors.rootByTreeSize.count == 9)
        #expect(leaves.count == 8)
        #expect(!vectors.inclusion.isEmpty)
        #expect(!vectors.consistency.isEmpty)
    }

    @Test func accumulatorRootMatchesEverySize() {
        var accumulator = MerkleAccumulator()
        #expect(accumulator.root == vectors.rootByTreeSize[0])
        for (size, leaf) in leaves.enumerated() {
            accumulator.append(leafHash: leaf)
            #expect(accumulator.root == vectors.rootByTreeSize[size + 1], "size \(size + 1)")
        }
    }

    @Test func storedRootMatchesEveryPastSize() throws {
        for size in 0...8 {
            #expect(try store.rootHash(treeSize: UInt64(size)) == vectors.rootByTreeSize[size], "size \(size)")
        }
    }

    @Test func emptyRootIsSHA256OfNothing() {
        #expect(Merkle.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func generatesEveryInclusionProof() throws {
        for vector in vectors.inclusion {
            let proof = try store.inclusionProof(leafIndex: vector.leafIndex, treeSize: vector.treeSize)
            #expect(proof == vector.proof, "leaf \(vector.leafIndex) of \(vector.treeSize)")
        }
    }

    @Test func verifiesEveryInclusionProof() {
        for vector in vectors.inclusion {
            let ok = Merkle.verifyInclusion(
                leafHash: leaves[Int(vector.leafIndex)], leafIndex: vector.leafIndex,
                treeSize: vector.treeSize, proof: vector.proof,
                root: vectors.rootByTreeSize[Int(vector.treeSize)])
            #expect(ok, "leaf \(vector.leafIndex) of \(vector.treeSize)")
        }
    }

    @Test func generatesEveryConsistencyProof() throws {
        for vector in vectors.consistency {
            let proof = try store.consistencyProof(oldSize: vector.size1, newSize: vector.size2)
            #expect(proof == vector.proof, "\(vector.size1) → \(vector.size2)")
        }
    }

    @Test func verifiesEveryConsistencyProof() {
        for vector in vectors.consistency {
            let ok = Merkle.verifyConsistency(
                oldSize: vector.size1, newSize: vector.size2,
                oldRoot: vectors.rootByTreeSize[Int(vector.size1)],
                newRoot: vectors.rootByTreeSize[Int(vector.size2)], proof: vector.proof)
            #expect(ok, "\(vector.size1) → \(vector.size2)")
        }
    }

    @Test func allProofsWithinTheVectorTreeMatchTheReference() throws {
        for size in 1...8 {
            for index in 0..<size {
                let proof = try store.inclusionProof(leafIndex: UInt64(index), treeSize: UInt64(size))
                #expect(proof == ReferenceMerkle.path(index, leaves[..<size]))
            }
            for old in 0...size {
                let proof = try store.consistencyProof(oldSize: UInt64(old), newSize: UInt64(size))
                #expect(proof == ReferenceMerkle.proof(old, leaves[..<size]))
                #expect(
                    Merkle.verifyConsistency(
                        oldSize: UInt64(old), newSize: UInt64(size),
                        oldRoot: vectors.rootByTreeSize[old], newRoot: vectors.rootByTreeSize[size], proof: proof))
            }
        }
    }
}
