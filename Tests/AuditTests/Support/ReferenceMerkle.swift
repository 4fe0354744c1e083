import Audit

/// The RFC 6962 definitions written as directly (and slowly) as the text reads, to check
/// the incremental, store-backed implementation against.
enum ReferenceMerkle {
    static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        switch leaves.count {
        case 0: return Merkle.emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = split(leaves.count)
            let middle = leaves.startIndex + k
            return Merkle.nodeHash(root(leaves[..<middle]), root(leaves[middle...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<middle]) + [root(leaves[middle...])]
        }
        return path(m - k, leaves[middle...]) + [root(leaves[..<middle])]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        guard m > 0, m < leaves.count else { return [] }
        return subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Hash>, _ b: Bool) -> [Hash] {
        let n = leaves.count
        if m == n { return b ? [] : [root(leaves)] }
        let k = split(n)
        let middle = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<middle], b) + [root(leaves[middle...])]
        }
        return subproof(m - k, leaves[middle...], false) + [root(leaves[..<middle])]
    }

    private static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}

/// A reproducible random source (SplitMix64), so a failing random case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Leaf hashes for synthetic records `"record-0"`, `"record-1"`, ….
func syntheticLeaves(_ count: Int) -> [Hash] {
    (0..<count).map { Merkle.leafHash(Array("record-\($0)".utf8)) }
}

/// A tree built through the public append path, with its node store.
func buildTree(_ leaves: [Hash]) throws -> (MerkleAccumulator, InMemoryMerkleNodeStore) {
    var accumulator = MerkleAccumulator()
    var store = InMemoryMerkleNodeStore()
    try accumulator.append(leafHashes: leaves, into: &store)
    return (accumulator, store)
}

extension Hash {
    /// The same hash with one bit flipped.
    func flippingBit(_ bit: Int) -> Hash {
        var bytes = self.bytes
        bytes[(bit / 8) % 32] ^= UInt8(1 << (bit % 8))
        return Hash(bytes: bytes)!
    }
}
