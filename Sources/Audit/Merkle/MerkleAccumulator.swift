/// The right edge of an append-only Merkle tree (a "compact range"): one root per set
/// bit of `size`, largest subtree first.
///
/// It lets each append update the root in amortised O(1) hashes and O(log n) state, which
/// the ledger persists in `meta` next to the sequence so a restart continues exactly where
/// the last committed batch stopped, without rereading history.
public struct MerkleAccumulator: Sendable, Hashable {
    /// Number of leaves appended so far.
    public private(set) var size: UInt64
    /// Roots of the perfect subtrees covering `0..<size`, left to right.
    public private(set) var peaks: [Hash]

    /// An empty tree.
    public init() {
        size = 0
        peaks = []
    }

    /// Restores a tree from its size and peaks (for example after reading them from storage).
    public init(size: UInt64, peaks: [Hash]) throws(MerkleError) {
        guard peaks.count == size.nonzeroBitCount else {
            throw MerkleError(
                .invalidAccumulatorEncoding,
                "a tree of size \(size) has \(size.nonzeroBitCount) peaks, got \(peaks.count)")
        }
        self.size = size
        self.peaks = peaks
    }

    /// Rebuilds the accumulator for `size` leaves from stored perfect nodes, for recovery
    /// when the persisted accumulator is lost but the node database is intact.
    public init(size: UInt64, store: some MerkleNodeStore) throws {
        var peaks: [Hash] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (UInt64(1) << UInt64(level)) != 0 {
            peaks.append(try store.requireNode(level: UInt8(level), index: start >> UInt64(level)))
            start += UInt64(1) << UInt64(level)
        }
        try self.init(size: size, peaks: peaks)
    }

    /// MTH of all leaves so far; `Merkle.emptyRoot` for an empty tree.
    public var root: Hash {
        guard var result = peaks.last else { return Merkle.emptyRoot }
        for peak in peaks.dropLast().reversed() {
            result = Merkle.nodeHash(peak, result)
        }
        return result
    }

    /// Appends one leaf without persisting nodes (for root-only uses such as a replay check).
    public mutating func append(leafHash: Hash) {
        appendMerging(leafHash) { _ in }
    }

    /// Appends one leaf and stores the leaf plus every perfect node it completes.
    ///
    /// The accumulator changes only if every `put` succeeds, so a failed store write
    /// leaves it describing what the store holds.
    public mutating func append(leafHash: Hash, into store: inout some MerkleNodeStore) throws {
        var next = self
        var nodes: [MerkleNode] = []
        nodes.reserveCapacity(1 + (~size).trailingZeroBitCount)
        next.appendMerging(leafHash) { nodes.append($0) }
        try store.put(contentsOf: nodes)
        self = next
    }

    /// Appends a batch, handing the store every new node in one `put(contentsOf:)` call
    /// so a bulk import pays for one store round trip rather than one per leaf.
    public mutating func append(leafHashes: some Sequence<Hash>, into store: inout some MerkleNodeStore) throws {
        var next = self
        var nodes: [MerkleNode] = []
        nodes.reserveCapacity(2 * leafHashes.underestimatedCount + 64)
        for leafHash in leafHashes {
            next.appendMerging(leafHash) { nodes.append($0) }
        }
        try store.put(contentsOf: nodes)
        self = next
    }

    /// Appends a batch without persisting nodes.
    public mutating func append(leafHashes: some Sequence<Hash>) {
        for leafHash in leafHashes { append(leafHash: leafHash) }
    }

    /// The core step: merge the new leaf with equal-sized peaks, reporting every node made.
    @inline(__always)
    private mutating func appendMerging(_ leafHash: Hash, _ emit: (MerkleNode) -> Void) {
        precondition(size < UInt64.max, "Merkle tree is full")
        var hash = leafHash
        var index = size
        var level: UInt8 = 0
        emit(MerkleNode(level: 0, index: index, hash: hash))
        while index & 1 == 1 {
            hash = Merkle.nodeHash(peaks.removeLast(), hash)
            index >>= 1
            level += 1
            emit(MerkleNode(level: level, index: index, hash: hash))
        }
        peaks.append(hash)
        size += 1
    }
}
