/// A `MerkleNodeStore` in ordinary arrays, for tests, tools and scratch audits.
///
/// Appends write each level's nodes in increasing index order, so every level is a dense
/// array; an out-of-order `put` (never produced by `MerkleAccumulator`) falls back to a
/// dictionary rather than failing.
public struct InMemoryMerkleNodeStore: MerkleNodeStore, Sendable {
    private var levels: [[Hash]] = []
    private var sparse: [NodeAddress: Hash] = [:]

    private struct NodeAddress: Hashable, Sendable {
        var level: UInt8
        var index: UInt64
    }

    public init() {}

    /// How many nodes are stored, for memory estimates in tools.
    public var count: Int {
        levels.reduce(0) { $0 + $1.count } + sparse.count
    }

    public func node(level: UInt8, index: UInt64) throws -> Hash? {
        let levelIndex = Int(level)
        if levelIndex < levels.count, index < UInt64(levels[levelIndex].count) {
            return levels[levelIndex][Int(index)]
        }
        return sparse[NodeAddress(level: level, index: index)]
    }

    public mutating func put(level: UInt8, index: UInt64, hash: Hash) throws {
        let levelIndex = Int(level)
        while levels.count <= levelIndex { levels.append([]) }
        let dense = UInt64(levels[levelIndex].count)
        if index == dense {
            levels[levelIndex].append(hash)
            // Absorb any sparse nodes that have now become contiguous.
            var next = NodeAddress(level: level, index: index + 1)
            while let waiting = sparse.removeValue(forKey: next) {
                levels[levelIndex].append(waiting)
                next.index += 1
            }
        } else if index < dense {
            levels[levelIndex][Int(index)] = hash
        } else {
            sparse[NodeAddress(level: level, index: index)] = hash
        }
    }
}
