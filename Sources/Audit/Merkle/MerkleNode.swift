/// One stored perfect-subtree root: the unit a `MerkleNodeStore` persists.
///
/// `level` 0 is a leaf; the node at (`level`, `index`) covers leaves
/// `index << level ..< (index + 1) << level`, so a node's address never changes once
/// written and later appends never touch it.
public struct MerkleNode: Sendable, Hashable {
    public var level: UInt8
    public var index: UInt64
    public var hash: Hash

    public init(level: UInt8, index: UInt64, hash: Hash) {
        self.level = level
        self.index = index
        self.hash = hash
    }

    /// A 9-byte key, level then big-endian index, so a byte-ordered store (LMDB) keeps
    /// each level's nodes contiguous and in append order (eligible for `MDB_APPEND` per level).
    public static func storageKey(level: UInt8, index: UInt64) -> [UInt8] {
        var key = [UInt8](repeating: 0, count: 9)
        key[0] = level
        var bigEndian = index.bigEndian
        withUnsafeBytes(of: &bigEndian) { raw in
            for offset in 0..<8 { key[1 + offset] = raw[offset] }
        }
        return key
    }

    /// Reads a key written by `storageKey(level:index:)`; `nil` unless exactly 9 bytes.
    public static func parseStorageKey(_ key: some Collection<UInt8>) -> (level: UInt8, index: UInt64)? {
        guard key.count == 9, let level = key.first else { return nil }
        var index: UInt64 = 0
        for byte in key.dropFirst() { index = index << 8 | UInt64(byte) }
        return (level, index)
    }
}
