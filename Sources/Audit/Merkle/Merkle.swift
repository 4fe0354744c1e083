import Crypto
import Foundation

/// RFC 6962 tree hashing (§2.1), the single definition every other part of the module uses.
///
/// The one-byte domain separation prefixes (0x00 for leaves, 0x01 for interior nodes)
/// are what stop a second-preimage attack that passes an interior node off as a leaf.
public enum Merkle {
    /// MTH({}) = SHA-256(""), the root of a tree with no leaves.
    public static let emptyRoot = Hash(SHA256.hash(data: [UInt8]()))

    /// MTH({d}) = SHA-256(0x00 ‖ d): the hash of one record as a leaf.
    public static func leafHash(_ data: some DataProtocol) -> Hash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(data: data)
        return Hash(hasher.finalize())
    }

    /// Leaf hash of bytes already in memory, avoiding a copy on hot import paths.
    public static func leafHash(bytes: UnsafeRawBufferPointer) -> Hash {
        var hasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: bytes)
        return Hash(hasher.finalize())
    }

    /// SHA-256(0x01 ‖ left ‖ right): the parent of two subtree roots.
    ///
    /// Built in one 65-byte stack buffer so the hot path makes a single hashing call
    /// and no allocation.
    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { packed in
            packed[0] = 0x01
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: packed[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: packed[33..<65]).copyMemory(from: $0) }
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(packed))
            return Hash(hasher.finalize())
        }
    }

    /// The largest power of two strictly less than `n` (n ≥ 2): RFC 6962's split point `k`.
    @inlinable
    internal static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "a split needs at least two leaves")
        return UInt64(1) << (63 - (n - 1).leadingZeroBitCount)
    }
}
