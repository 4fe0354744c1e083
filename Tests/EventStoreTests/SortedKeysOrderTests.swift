import Foundation
import Testing

@testable import EventStore

/// `SortedKeys.sort` compares words of each key's first 24 bytes and falls back to `memcmp`
/// only for ties: its order must be LMDB's (`memcmp`, then the shorter first) for every mix of
/// short and long keys, shared heads and zero bytes, as the index writes rely on it.
@Suite("Key order of the index entries' sort")
struct SortedKeysOrderTests {
    /// Keys made to tie: shared heads up to and past 24 bytes, zero bytes in the tails (which
    /// the words' zero padding must not confuse), lengths around 24.
    static func keys(seed: UInt64, count: Int) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let heads: [[UInt8]] = [
            [], [0x61], Array("agreement-2024-".utf8), Array(repeating: 0x61, count: 24),
            Array(repeating: 0, count: 20),
        ]
        var keys: [[UInt8]] = []
        while keys.count < count {
            var key = heads[Int(next() % UInt64(heads.count))]
            for _ in 0..<Int(next() % 20) {
                key.append(next() % 4 == 0 ? 0 : UInt8(truncatingIfNeeded: next() % 3 + 0x61))
            }
            keys.append(key)
        }
        return keys
    }

    static func lmdbOrder(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }

    @Test("equals LMDB's byte order, repeated keys kept in the order added", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func equalsByteOrder(seed: UInt64) {
        let raw = Self.keys(seed: seed, count: 3000)
        var sorted = SortedKeys(capacity: raw.count)
        for (value, key) in raw.enumerated() {
            key.withUnsafeBytes { sorted.add($0, value: UInt64(value)) }
        }
        sorted.sort()
        let got = sorted.entries.map { (Array(sorted.bytes[$0.start..<($0.start + $0.count)]), $0.value) }
        let expected = raw.enumerated().map { ($0.element, UInt64($0.offset)) }.sorted {
            $0.0 == $1.0 ? $0.1 < $1.1 : Self.lmdbOrder($0.0, $1.0)
        }
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
        #expect(raw.contains { $0.count > 24 } && raw.contains { $0.count <= 24 } && Set(raw).count < raw.count)
    }

    @Test("keys with a suffix (stream, NUL, version) order by stream, then version")
    func streamEntries() {
        var sorted = SortedKeys(capacity: 8)
        let added: [(String, UInt64)] = [
            ("project/p-0000000000000000002", 2), ("project/p-0000000000000000002", 1),
            ("project/p-00000000000000000021", 1), ("project/p-0000000000000000001", 300), ("a", 256), ("a", 1),
        ]
        for (value, entry) in added.enumerated() { sorted.add(entry.0, suffix: entry.1, value: UInt64(value)) }
        sorted.sort()
        #expect(sorted.entries.map(\.value) == [5, 4, 3, 1, 0, 2])
    }
}
