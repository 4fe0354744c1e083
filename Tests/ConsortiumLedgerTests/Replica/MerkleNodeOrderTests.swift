import Audit
import Foundation
import LedgerTesting
import Testing

@testable import ConsortiumLedger

/// `LMDBMerkleNodeStore.sortInKeyOrder` splits an accumulator's nodes by level in one pass,
/// trusting that each level's nodes come in index order, and sorts anything else: either way
/// the result must be the database's key order (level, then index), every node kept.
@Suite("Key order of a batch's Merkle nodes")
struct MerkleNodeOrderTests {
    static func keyOrder(_ nodes: [MerkleNode]) -> [MerkleNode] {
        nodes.sorted { $0.level == $1.level ? $0.index < $1.index : $0.level < $1.level }
    }

    /// The nodes an accumulator emits for `count` leaves appended after `before` others.
    static func emitted(before: Int, count: Int) throws -> [MerkleNode] {
        var accumulator = MerkleAccumulator()
        var buffer = NodeBuffer()
        for leaf in 0..<(before + count) {
            if leaf == before { buffer = NodeBuffer() }
            try accumulator.append(leafHash: Merkle.leafHash(Data("leaf \(leaf)".utf8)), into: &buffer)
        }
        return buffer.nodes
    }

    @Test(
        "an accumulator's nodes come out in key order",
        arguments: [(0, 1), (0, 1000), (7, 333), (1023, 1025), (50_000, 3)] as [(Int, Int)])
    func accumulatorNodes(before: Int, count: Int) throws {
        var nodes = try Self.emitted(before: before, count: count)
        let expected = Self.keyOrder(nodes)
        #expect(nodes != expected || count == 1)
        LMDBMerkleNodeStore.sortInKeyOrder(&nodes)
        #expect(nodes == expected)
    }

    @Test("nodes out of index order within a level are sorted, not split", arguments: [1, 2, 3] as [UInt64])
    func shuffledNodes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var nodes = try Self.emitted(before: 0, count: 500).shuffled(using: &random)
        let expected = Self.keyOrder(nodes)
        LMDBMerkleNodeStore.sortInKeyOrder(&nodes)
        #expect(nodes == expected)
    }
}
