/// A key as a dictionary key: hashes its bytes in one call and orders like `memcmp`,
/// which is how LMDB orders keys with its default comparator.
struct StoreKey: Hashable, Comparable, Sendable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: StoreKey, rhs: StoreKey) -> Bool { lhs.bytes == rhs.bytes }

    static func < (lhs: StoreKey, rhs: StoreKey) -> Bool {
        StoreKey.compare(lhs.bytes, rhs.bytes) < 0
    }

    /// Negative, zero or positive like `memcmp`, a shorter key first when it is a prefix.
    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in
                let common = min(a.count, b.count)
                for i in 0..<common where a[i] != b[i] {
                    return a[i] < b[i] ? -1 : 1
                }
                return a.count - b.count
            }
        }
    }

    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for i in prefix.indices where bytes[i] != prefix[i] { return false }
        return true
    }
}
