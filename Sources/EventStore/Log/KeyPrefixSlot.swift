/// A byte key's sort fields as plain words: its first 24 bytes (big-endian, zero-padded), its
/// length and its position in the caller's list. Sorting these moves no references and compares
/// integers; only keys that tie on the words and are longer than them need their bytes.
struct KeyPrefixSlot {
    static let prefixLength = 24
    let w0: UInt64
    let w1: UInt64
    let w2: UInt64
    let count: Int
    let position: Int

    init(_ key: UnsafeRawPointer, count: Int, position: Int) {
        w0 = Self.word(key, count, at: 0)
        w1 = Self.word(key, count, at: 8)
        w2 = Self.word(key, count, at: 16)
        self.count = count
        self.position = position
    }

    /// Whether this key sorts before `other` in LMDB's order (`memcmp`, then the shorter
    /// first), when the words decide it; nil when only the keys' full bytes can.
    func ordered(before other: KeyPrefixSlot) -> Bool? {
        if w0 != other.w0 { return w0 < other.w0 }
        if w1 != other.w1 { return w1 < other.w1 }
        if w2 != other.w2 { return w2 < other.w2 }
        guard count <= Self.prefixLength, other.count <= Self.prefixLength else { return nil }
        // Equal padded words and both keys within them: equal up to the shorter one's end.
        return count != other.count ? count < other.count : position < other.position
    }

    /// Bytes `offset..<offset+8` of the key, zero-padded past its end, as a big-endian word,
    /// so that comparing words compares bytes in order.
    private static func word(_ key: UnsafeRawPointer, _ count: Int, at offset: Int) -> UInt64 {
        if count >= offset + 8 {
            return key.loadUnaligned(fromByteOffset: offset, as: UInt64.self).bigEndian
        }
        var word: UInt64 = 0
        var index = offset
        while index < offset + 8 {
            word <<= 8
            if index < count { word |= UInt64(key.load(fromByteOffset: index, as: UInt8.self)) }
            index += 1
        }
        return word
    }
}
