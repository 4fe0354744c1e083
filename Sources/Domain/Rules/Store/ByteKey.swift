/// A byte-string dictionary key that hashes its bytes in one call.
///
/// `[UInt8]`'s own `Hashable` feeds the hasher one element at a time, which made hashing the
/// dominant cost of the in-memory and cached stores.
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.bytes == rhs.bytes
    }

    /// Byte-wise order, shorter first on a common prefix: LMDB's default key order.
    static func precedes(_ lhs: ByteKey, _ rhs: ByteKey) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { l in
            rhs.bytes.withUnsafeBufferPointer { r in
                let common = min(l.count, r.count)
                for index in 0..<common where l[index] != r[index] {
                    return l[index] < r[index]
                }
                return l.count < r.count
            }
        }
    }
}
