import Domain
import LMDB

/// A `ByteKey` (a read model's or the rule state's key) as LMDB bytes, lent without building
/// an array.
struct ByteKeyBytes: LMDBBytes {
    let key: ByteKey

    init(_ key: ByteKey) {
        self.key = key
    }

    func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try key.withUnsafeBytes(body)
    }
}
