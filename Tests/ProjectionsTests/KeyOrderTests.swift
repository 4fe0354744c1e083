import Domain
import Testing

/// `ByteKey.ascending` sorts by words and compares in full only keys that tie on their first
/// 32 bytes and go on past them: its order must be the byte order of `ByteKey.compare` (LMDB's)
/// for every mix of short and long keys.
@Suite("Key order of the word sort")
struct KeyOrderTests {
    /// Keys built to tie: a few shared heads, lengths around the inline limit (32), zero bytes
    /// in the tail (which the zero padding of short keys must not confuse), and long keys.
    static func keys(seed: UInt64, count: Int) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let heads: [[UInt8]] = [[], [0x03], Array("m/member-0001".utf8), Array(repeating: 0x61, count: 32)]
        var keys = Set<[UInt8]>()
        while keys.count < count {
            var key = heads[Int(next() % UInt64(heads.count))]
            let tail = Int(next() % 40)
            for _ in 0..<tail { key.append(next() % 4 == 0 ? 0 : UInt8(truncatingIfNeeded: next() % 3 + 0x61)) }
            keys.insert(key)
        }
        return Array(keys)
    }

    @Test("equals the byte order", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func equalsByteOrder(seed: UInt64) {
        let raw = Self.keys(seed: seed, count: 3000)
        let sorted = ByteKey.ascending(raw.map(ByteKey.init)).map(\.bytes)
        let expected = raw.sorted { ByteKey.compare($0, $1) < 0 }
        #expect(sorted == expected)
        #expect(sorted.contains { $0.count > 32 } && sorted.contains { $0.count <= 32 })
    }

    @Test("positions: the byte order, equal keys in the order given", arguments: [6, 7] as [UInt64])
    func positionsEqualByteOrder(seed: UInt64) {
        let unique = Self.keys(seed: seed, count: 2000)
        // Every third key twice, so that equal keys (short and long) must keep their order.
        let raw = unique + unique.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let keys = raw.map(ByteKey.init)
        let order = ByteKey.ascendingOrder(keys)
        let expected = raw.indices.sorted { a, b in
            let c = ByteKey.compare(raw[a], raw[b])
            return c != 0 ? c < 0 : a < b
        }
        #expect(order == expected)
    }

    @Test("pairs: sorted by key, each value kept with its key, equal keys in the order given")
    func pairsKeepTheirValues() {
        let raw = Self.keys(seed: 8, count: 1500)
        let pairs = (raw + raw.prefix(100)).enumerated().map { (key: ByteKey($0.element), value: $0.offset) }
        let sorted = ByteKey.ascending(pairs: pairs)
        let expected = pairs.sorted { a, b in
            let c = ByteKey.compare(a.key.bytes, b.key.bytes)
            return c != 0 ? c < 0 : a.value < b.value
        }
        #expect(sorted.map(\.key) == expected.map(\.key))
        #expect(sorted.map(\.value) == expected.map(\.value))
    }

    @Test("of no keys and of one")
    func edges() {
        #expect(ByteKey.ascending([ByteKey]()).isEmpty)
        #expect(ByteKey.ascending([ByteKey([1, 2])]).map(\.bytes) == [[1, 2]])
    }

    /// The rule engine's keys (a kind byte, then an id) built straight from the id's UTF-8 equal
    /// the keys built from the whole byte array: same hash, same order, same bytes, at every
    /// length around the inline limit and for ids beyond ASCII.
    @Test(arguments: [
        "", "m", "member-0001", String(repeating: "x", count: 30), String(repeating: "y", count: 31),
        String(repeating: "z", count: 32), String(repeating: "w", count: 40), "学校-甲", String(repeating: "企", count: 11),
    ])
    func taggedKeyEqualsItsBytes(id: String) {
        let tagged = ByteKey(tag: 0x05, id)
        let built = ByteKey([0x05] + Array(id.utf8))
        #expect(tagged == built)
        #expect(tagged.hashValue == built.hashValue)
        #expect(tagged.bytes == [0x05] + Array(id.utf8))
        #expect(!(tagged < built) && !(built < tagged))
    }

    /// Keys built piece by piece (a tag, years, ids, separators, stored pairs) equal the keys
    /// built from the whole byte array, whether they stay inline or spill past 32 bytes on the
    /// way: the projectors build every key so, and LMDB stores the bytes.
    @Test(arguments: [1, 2, 3, 4])
    func builtKeyEqualsItsBytes(seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let ids = ["", "m", "member-0001", "学校-甲", String(repeating: "q", count: 29)]
        for _ in 0..<200 {
            let tag = UInt8(next() % 256)
            var built = ByteKey(tag: tag, "")
            var bytes: [UInt8] = [tag]
            for _ in 0..<Int(next() % 6) {
                switch next() % 3 {
                case 0:
                    let byte = UInt8(next() % 256)
                    built.append(byte)
                    bytes.append(byte)
                case 1:
                    let id = ids[Int(next() % UInt64(ids.count))]
                    built.append(utf8: id)
                    bytes += Array(id.utf8)
                default:
                    let pair = (0..<Int(next() % 12)).map { _ in UInt8(next() % 256) }
                    built.append(contentsOf: pair[...])
                    bytes += pair
                }
            }
            #expect(built == ByteKey(bytes))
            #expect(built.bytes == bytes)
            #expect(built.count == bytes.count)
            #expect(built.hashValue == ByteKey(bytes).hashValue)
        }
    }
}
