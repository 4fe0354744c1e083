import Audit
import Testing

@Suite("Merkle accumulator")
struct MerkleAccumulatorTests {
    @Test func serialiseAndRestoreContinuesIdentically() throws {
        let leaves = syntheticLeaves(2_000)
        var uninterrupted = MerkleAccumulator()
        var resumed = MerkleAccumulator()
        for (index, leaf) in leaves.enumerated() {
            uninterrupted.append(leafHash: leaf)
            resumed.append(leafHash: leaf)
            if index % 97 == 0 {
                resumed = try MerkleAccumulator(serialized: resumed.serialized())
            }
            #expect(resumed == uninterrupted)
        }
        #expect(resumed.root == ReferenceMerkle.root(leaves[...]))
    }

    @Test func serialisedFormIsVersionSizeThenPeaks() {
        var accumulator = MerkleAccumulator()
        accumulator.append(leafHashes: syntheticLeaves(5))
        let bytes = accumulator.serialized()
        #expect(bytes.count == 1 + 8 + 2 * 32)
        #expect(bytes[0] == MerkleAccumulator.encodingVersion)
        #expect(Array(bytes[1..<9]) == [0, 0, 0, 0, 0, 0, 0, 5])
        #expect(MerkleAccumulator().serialized() == [1, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func rejectsCorruptSerialisations() {
        var accumulator = MerkleAccumulator()
        accumulator.append(leafHashes: syntheticLeaves(7))
        let good = accumulator.serialized()
        for bad in [Array(good.dropLast()), good + [0], [9] + good.dropFirst(), Array(good.prefix(5)), []] {
            #expect(throws: MerkleError.self) { try MerkleAccumulator(serialized: bad) }
        }
        #expect(throws: MerkleError.self) { try MerkleAccumulator(size: 3, peaks: [Merkle.emptyRoot]) }
    }

    @Test func restoresFromNodeStoreAtAnySize() throws {
        let leaves = syntheticLeaves(300)
        var accumulator = MerkleAccumulator()
        var store = InMemoryMerkleNodeStore()
        for leaf in leaves {
            try accumulator.append(leafHash: leaf, into: &store)
            #expect(try MerkleAccumulator(size: accumulator.size, store: store) == accumulator)
        }
    }

    @Test func batchAppendStoresTheSameNodesAsSingleAppends() throws {
        let leaves = syntheticLeaves(1_000)
        var single = MerkleAccumulator()
        var singleStore = InMemoryMerkleNodeStore()
        for leaf in leaves { try single.append(leafHash: leaf, into: &singleStore) }
        var batched = MerkleAccumulator()
        var batchedStore = InMemoryMerkleNodeStore()
        for chunk in stride(from: 0, to: leaves.count, by: 137) {
            try batched.append(leafHashes: leaves[chunk..<min(chunk + 137, leaves.count)], into: &batchedStore)
        }
        #expect(batched == single)
        // Every leaf plus one node per completed perfect subtree: 2n - popcount(n).
        #expect(singleStore.count == 2 * leaves.count - leaves.count.nonzeroBitCount)
        #expect(batchedStore.count == singleStore.count)
        for level in UInt8(0)...10 {
            for index in UInt64(0)..<(UInt64(leaves.count) >> UInt64(level)) {
                #expect(
                    try batchedStore.node(level: level, index: index) == singleStore.node(level: level, index: index))
            }
        }
    }

    @Test func failedStoreWriteLeavesAccumulatorUnchanged() throws {
        struct FailingStore: MerkleNodeStore {
            struct Full: Error {}
            var inner = InMemoryMerkleNodeStore()
            var remainingPuts: Int
            func node(level: UInt8, index: UInt64) throws -> Hash? { try inner.node(level: level, index: index) }
            mutating func put(level: UInt8, index: UInt64, hash: Hash) throws {
                guard remainingPuts > 0 else { throw Full() }
                remainingPuts -= 1
                try inner.put(level: level, index: index, hash: hash)
            }
        }
        let leaves = syntheticLeaves(8)
        var accumulator = MerkleAccumulator()
        var store = FailingStore(remainingPuts: 7 + 4 + 1)
        try accumulator.append(leafHashes: leaves[..<7], into: &store)
        let before = accumulator
        // Leaf 7 completes nodes at levels 1, 2 and 3: the fourth put fails.
        #expect(throws: FailingStore.Full.self) { try accumulator.append(leafHash: leaves[7], into: &store) }
        #expect(accumulator == before)
        #expect(throws: FailingStore.Full.self) { try accumulator.append(leafHashes: leaves[7...], into: &store) }
        #expect(accumulator == before)
    }

    @Test func proofsOutsideTheStoredTreeAreErrors() throws {
        let (_, store) = try buildTree(syntheticLeaves(10))
        #expect(throws: MerkleError.self) { try store.inclusionProof(leafIndex: 10, treeSize: 10) }
        #expect(throws: MerkleError.self) { try store.consistencyProof(oldSize: 5, newSize: 4) }
        let missing = #expect(throws: MerkleError.self) { try store.rootHash(treeSize: 11) }
        #expect(missing?.code == .missingNode)
        #expect(try store.consistencyProof(oldSize: 0, newSize: 10).isEmpty)
        #expect(try store.consistencyProof(oldSize: 10, newSize: 10).isEmpty)
    }
}
