import Crypto

/// SHA-256 over entries in the read models' canonical framing (for each entry: key length as
/// UInt32 big-endian, key, value length, value), gathered in a buffer and handed to the hasher
/// in large blocks.
///
/// Why a buffer: digests cover millions of small entries, and four hasher updates per entry
/// (each checking and touching the hasher's shared context) cost more than the hashing did
/// in the audit's profile.
public struct FramedDigest: Sendable {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private let blockBytes: Int

    /// - Parameter blockBytes: how much is gathered before the hasher sees it (a digest kept
    ///   per snapshot, hundreds at once, wants a small one).
    public init(blockBytes: Int = 1 << 16) {
        self.blockBytes = blockBytes
        buffer.reserveCapacity(blockBytes + 256)
    }

    public mutating func add(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        appendLength(key.count)
        buffer.append(contentsOf: key)
        appendLength(value.count)
        buffer.append(contentsOf: value)
        if buffer.count >= blockBytes { flush() }
    }

    public mutating func add(key: [UInt8], value: [UInt8]) {
        key.withUnsafeBytes { key in value.withUnsafeBytes { add(key: key, value: $0) } }
    }

    public mutating func add(key: [UInt8], value: UnsafeRawBufferPointer) {
        key.withUnsafeBytes { add(key: $0, value: value) }
    }

    /// Lower-case hex of the digest of everything added.
    public func hex() -> String {
        var copy = self
        copy.flush()
        return ReadModelDigest.hex(copy.hasher.finalize())
    }

    private mutating func appendLength(_ count: Int) {
        let length = UInt32(truncatingIfNeeded: count)
        buffer.append(UInt8(truncatingIfNeeded: length >> 24))
        buffer.append(UInt8(truncatingIfNeeded: length >> 16))
        buffer.append(UInt8(truncatingIfNeeded: length >> 8))
        buffer.append(UInt8(truncatingIfNeeded: length))
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
