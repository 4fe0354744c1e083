import Audit
import Crypto

/// A SHA-256 value in the hash chain: the same inline 32-byte value as a Merkle hash.
public typealias ChainHash = Hash

extension Hash {
    /// `SHA-256(previous ‖ record)`: the chain link that makes any edit to history visible.
    public static func link(previous: Hash, record: UnsafeRawBufferPointer) -> Hash {
        var hasher = SHA256()
        previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: record)
        return Hash(hasher.finalize())
    }

    /// SHA-256 of arbitrary bytes (the genesis value is derived from the ledger id).
    public static func digest(_ data: UnsafeRawBufferPointer) -> Hash {
        var hasher = SHA256()
        hasher.update(bufferPointer: data)
        return Hash(hasher.finalize())
    }
}
