import Audit
import Testing

@Suite("Verifiers on malformed input")
struct VerifierRobustnessTests {
    static let sizes: [UInt64] = [0, 1, 2, 3, 7, 8, 1 << 32, UInt64.max - 1, UInt64.max]

    @Test func inclusionNeverTrapsAndRejectsNonsense() {
        var random = SeededGenerator(seed: 42)
        let leaf = Merkle.leafHash([1, 2, 3])
        for size in Self.sizes {
            for index in [0, 1, size / 2, size &- 1, size, UInt64.max] {
                for length in [0, 1, 5, 64, 65, 200] {
                    let proof = (0..<length).map { _ in Hash.sha256([UInt8(truncatingIfNeeded: random.next())]) }
                    let ok = Merkle.verifyInclusion(
                        leafHash: leaf, leafIndex: index, treeSize: size, proof: proof, root: Hash.zero)
                    #expect(!ok)
                }
            }
        }
    }

    @Test func singleLeafTreeNeedsEmptyProof() {
        let leaf = Merkle.leafHash([7])
        #expect(Merkle.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [], root: leaf))
        #expect(!Merkle.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [leaf], root: leaf))
        #expect(!Merkle.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 0, proof: [], root: leaf))
    }

    @Test func consistencyNeverTrapsAndRejectsNonsense() {
        var random = SeededGenerator(seed: 7)
        for old in Self.sizes {
            for new in Self.sizes {
                for length in [0, 1, 3, 64, 129, 300] {
                    let proof = (0..<length).map { _ in Hash.sha256([UInt8(truncatingIfNeeded: random.next())]) }
                    let ok = Merkle.verifyConsistency(
                        oldSize: old, newSize: new, oldRoot: Hash.zero, newRoot: Merkle.emptyRoot, proof: proof)
                    #expect(!ok, "\(old) → \(new), \(length) hashes")
                }
            }
        }
    }

    @Test func consistencyEdgeCases() {
        let root = Merkle.leafHash([1])
        #expect(Merkle.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root, newRoot: root, proof: []))
        #expect(!Merkle.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root, newRoot: root, proof: [root]))
        #expect(!Merkle.verifyConsistency(oldSize: 5, newSize: 5, oldRoot: root, newRoot: Hash.zero, proof: []))
        #expect(Merkle.verifyConsistency(oldSize: 0, newSize: 9, oldRoot: Merkle.emptyRoot, newRoot: root, proof: []))
        #expect(
            !Merkle.verifyConsistency(oldSize: 0, newSize: 9, oldRoot: Merkle.emptyRoot, newRoot: root, proof: [root]))
        #expect(!Merkle.verifyConsistency(oldSize: 6, newSize: 5, oldRoot: root, newRoot: root, proof: [root]))
        #expect(!Merkle.verifyConsistency(oldSize: 4, newSize: 8, oldRoot: root, newRoot: root, proof: []))
    }
}
