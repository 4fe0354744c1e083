/// A byte-string key as a dictionary key (rule state, projection stores): hashes its bytes
/// cheaply and orders like `memcmp`, which is how LMDB orders keys with its default comparator.
/// One type serves both modules; the hot members are inlinable so cross-module dictionaries
/// stay specialised.
///
/// Why inline: replay and audit spent ~12% in dictionary probes on these keys, mostly cache
/// misses following each key's array to its bytes. Keys of up to 32 bytes (nearly all: a
/// prefix byte and an id or two) are kept in four words inside the dictionary's own key
/// storage, packed big-endian and zero-padded so that comparing words in order, then the
/// length, is byte order; longer keys keep their bytes in an array.
public struct ByteKey: Hashable, Comparable, Sendable {
    @usableFromInline static let inlineCapacity = 32

    @usableFromInline var w0: UInt64 = 0
    @usableFromInline var w1: UInt64 = 0
    @usableFromInline var w2: UInt64 = 0
    @usableFromInline var w3: UInt64 = 0
    @usableFromInline var length: Int
    /// The bytes of a key longer than `inlineCapacity` (nil for inline keys).
    @usableFromInline var spilled: [UInt8]?

    @inlinable public init(_ bytes: [UInt8]) {
        length = bytes.count
        guard bytes.count <= Self.inlineCapacity else {
            spilled = bytes
            return
        }
        spilled = nil
        bytes.withUnsafeBufferPointer { buffer in
            var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            Self.pack(buffer, at: 0, into: &words)
            (w0, w1, w2, w3) = words
        }
    }

    /// The key `tag ‖ text's UTF-8`, built without an intermediate array: the rule engine makes
    /// one per look-up (kind byte, then an id), and the array was a tenth of its time. Built
    /// directly rather than as `append(utf8:)` on a one-byte key, which cost the audit 5 % more
    /// CPU (measured).
    @inlinable public init(tag: UInt8, _ text: String = "") {
        var text = text
        length = 1 + text.utf8.count
        guard length <= Self.inlineCapacity else {
            spilled = [tag] + Array(text.utf8)
            return
        }
        spilled = nil
        var words: (UInt64, UInt64, UInt64, UInt64) = (UInt64(tag) << 56, 0, 0, 0)
        text.withUTF8 { Self.pack($0, at: 1, into: &words) }
        (w0, w1, w2, w3) = words
    }

    /// Appends one byte: for keys built piece by piece (a prefix, a year, an id) without an
    /// intermediate array. Past `inlineCapacity` the key spills to an array like `init(_:)`'s.
    @inlinable public mutating func append(_ byte: UInt8) {
        guard spilled == nil, length < Self.inlineCapacity else {
            self = ByteKey(bytes + CollectionOfOne(byte))
            return
        }
        var words = (w0, w1, w2, w3)
        Self.set(byte, at: length, in: &words)
        (w0, w1, w2, w3) = words
        length += 1
    }

    /// Appends `bytes` (see `append(_:)`): a stored pair's bytes, an id's UTF-8. Contiguous bytes
    /// are copied in one go; others one by one.
    @inlinable public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        let copied: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            guard spilled == nil, length + buffer.count <= Self.inlineCapacity else { return false }
            var words = (w0, w1, w2, w3)
            Self.pack(buffer, at: length, into: &words)
            (w0, w1, w2, w3) = words
            length += buffer.count
            return true
        }
        if copied == true { return }
        for byte in bytes { append(byte) }
    }

    /// Appends `text`'s UTF-8 (see `append(_:)`).
    @inlinable public mutating func append(utf8 text: String) {
        var text = text
        guard spilled == nil, length + text.utf8.count <= Self.inlineCapacity else {
            self = ByteKey(bytes + Array(text.utf8))
            return
        }
        var words = (w0, w1, w2, w3)
        text.withUTF8 { Self.pack($0, at: length, into: &words) }
        (w0, w1, w2, w3) = words
        length += text.utf8.count
    }

    /// Writes `buffer` into the big-endian words from byte position `start` on, where the words
    /// hold zeros (past a key's length they always do; at most `inlineCapacity` bytes in all).
    ///
    /// One copy into the words' big-endian bytes rather than a shift and a switch per byte: key
    /// building was an eighth of replay's fold (docs/PERFORMANCE.md, "Keys built in place").
    @inlinable static func pack(
        _ buffer: UnsafeBufferPointer<UInt8>, at start: Int, into words: inout (UInt64, UInt64, UInt64, UInt64)
    ) {
        guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
        precondition(start >= 0 && start + buffer.count <= inlineCapacity, "a key's bytes past its inline words")
        var bytes = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        withUnsafeMutableBytes(of: &bytes) { raw in
            guard let words = raw.baseAddress else { return }
            (words + start).copyMemory(from: source, byteCount: buffer.count)
        }
        words = (
            UInt64(bigEndian: bytes.0), UInt64(bigEndian: bytes.1), UInt64(bigEndian: bytes.2),
            UInt64(bigEndian: bytes.3)
        )
    }

    /// ORs `byte` into the big-endian words at byte position `index` (below `inlineCapacity`).
    @inlinable static func set(_ byte: UInt8, at index: Int, in words: inout (UInt64, UInt64, UInt64, UInt64)) {
        let shifted = UInt64(byte) << UInt64(56 - 8 * (index & 7))
        switch index >> 3 {
        case 0: words.0 |= shifted
        case 1: words.1 |= shifted
        case 2: words.2 |= shifted
        default: words.3 |= shifted
        }
    }

    /// The key's bytes (built on demand for inline keys: for walks and writes, not probes).
    public var bytes: [UInt8] {
        if let spilled { return spilled }
        return withUnsafeBytes { Array($0) }
    }

    /// The number of bytes.
    @inlinable public var count: Int { length }

    /// The first byte (a key's prefix tag), nil for the empty key.
    public var first: UInt8? {
        guard length > 0 else { return nil }
        return spilled?[0] ?? UInt8(truncatingIfNeeded: w0 >> 56)
    }

    /// Lends the key's bytes without building an array (digests walk millions of keys).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let spilled { return try spilled.withUnsafeBytes(body) }
        var words = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return try Swift.withUnsafeBytes(of: &words) { all in
            try body(UnsafeRawBufferPointer(rebasing: all[..<length]))
        }
    }

    @usableFromInline func inlineByte(_ index: Int) -> UInt8 {
        let word: UInt64
        switch index >> 3 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index & 7)))
    }

    /// One multiply-fold of the words into the hasher (one SipHash block rather than the bytes).
    @inlinable public func hash(into hasher: inout Hasher) {
        if let spilled {
            spilled.withUnsafeBytes { hasher.combine(bytes: $0) }
            return
        }
        var h = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ w0) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29) ^ w1) &* 0x94D0_49BB_1331_11EB
        h = (h ^ (h >> 31) ^ w2) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29) ^ w3) &* 0x94D0_49BB_1331_11EB
        hasher.combine(h ^ (h >> 32))
    }

    /// What dictionaries actually call: for inline keys a multiply-xorshift mix of the words
    /// and the per-process seed, instead of a full SipHash round (setup and finalisation were
    /// 4–5 % of a replay). The seed still differs per process, so colliding keys cannot be
    /// prepared in advance in an import file.
    @inlinable public func _rawHashValue(seed: Int) -> Int {
        if spilled != nil {
            var hasher = Hasher()
            hasher.combine(seed)
            hash(into: &hasher)
            return hasher.finalize()
        }
        var h = (UInt64(bitPattern: Int64(seed)) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 32) ^ w0) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29) ^ w1) &* 0x94D0_49BB_1331_11EB
        h = (h ^ (h >> 31) ^ w2) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29) ^ w3) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    @inlinable public static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        lhs.length == rhs.length && lhs.w0 == rhs.w0 && lhs.w1 == rhs.w1 && lhs.w2 == rhs.w2 && lhs.w3 == rhs.w3
            && lhs.spilled == rhs.spilled
    }

    @inlinable public static func < (lhs: ByteKey, rhs: ByteKey) -> Bool {
        if lhs.spilled == nil && rhs.spilled == nil {
            if lhs.w0 != rhs.w0 { return lhs.w0 < rhs.w0 }
            if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
            if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
            if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
            return lhs.length < rhs.length
        }
        return ByteKey.compare(lhs.bytes, rhs.bytes) < 0
    }

    /// Negative, zero or positive like `memcmp`, a shorter key first when it is a prefix.
    public static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
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

    public func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard length >= prefix.count else { return false }
        if let spilled {
            for i in prefix.indices where spilled[i] != prefix[i] { return false }
            return true
        }
        for i in prefix.indices where inlineByte(i) != prefix[i] { return false }
        return true
    }
}
