import Crypto
import Foundation

/// A SHA-256 digest held inline in four machine words.
///
/// Every append hashes `log n` nodes, so the value that flows through the Merkle code
/// must not allocate: this type is a plain 32-byte value with no heap storage, compared
/// and hashed word by word. The bytes are kept in their natural (digest) order, so the
/// same value means the same bytes on every platform.
public struct Hash: Sendable, Hashable {
    /// The 32 bytes in digest order, reinterpreted as four words (native layout).
    @usableFromInline
    internal var words: (UInt64, UInt64, UInt64, UInt64)

    /// The number of bytes in a SHA-256 digest.
    public static let byteCount = 32

    /// All-zero bytes; useful as a sentinel (for example a genesis "previous hash").
    public static let zero = Hash(words: (0, 0, 0, 0))

    @inlinable
    internal init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Copies exactly 32 bytes; the caller guarantees the length.
    @inlinable
    internal init(unsafeRaw source: UnsafeRawBufferPointer) {
        precondition(source.count == Hash.byteCount, "a Hash is exactly 32 bytes")
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: source) }
        self.words = words
    }

    /// Wraps a digest computed elsewhere with swift-crypto.
    @inlinable
    public init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { Hash(unsafeRaw: $0) }
    }

    /// Accepts raw digest bytes read from storage or the wire; `nil` unless exactly 32 bytes.
    @inlinable
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Hash.byteCount else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { buffer in
            // Contiguous sources (arrays, LMDB values) copy in one go; others byte by byte.
            let copied: Void? = bytes.withContiguousStorageIfAvailable {
                buffer.copyMemory(from: UnsafeRawBufferPointer($0))
            }
            if copied == nil {
                for (offset, byte) in bytes.enumerated() { buffer[offset] = byte }
            }
        }
        self.words = words
    }

    /// SHA-256 of arbitrary bytes, for callers that need a plain digest (not a tree hash).
    public static func sha256(_ data: some DataProtocol) -> Hash {
        Hash(SHA256.hash(data: data))
    }

    /// Lends the 32 bytes without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy) { try body($0) }
    }

    /// The digest bytes in order, for storage and encoding at the edges.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    @inlinable
    public static func == (lhs: Hash, rhs: Hash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
