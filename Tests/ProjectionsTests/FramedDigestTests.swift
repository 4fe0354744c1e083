import Crypto
import Domain
import Foundation
import Projections
import Testing

/// The buffered digest must hash exactly the canonical framing, whatever its block size, and
/// the borrowed key bytes it is fed must be the key's bytes.
@Suite("Framed digests and borrowed key bytes")
struct FramedDigestTests {
    /// Entries of every key length around the inline limit (32) and values up to a few KiB.
    static let entries: [(key: [UInt8], value: [UInt8])] = (0..<300).map { i in
        let key = (0..<(i % 41)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) }
        let value = (0..<((i * 37) % 3000)).map { UInt8(truncatingIfNeeded: $0 ^ i) }
        return (key, value)
    }

    /// The framing written out by hand: length (UInt32 big-endian), key, length, value.
    static func reference(_ entries: [(key: [UInt8], value: [UInt8])]) -> String {
        var bytes: [UInt8] = []
        for entry in entries {
            for part in [entry.key, entry.value] {
                let n = UInt32(part.count)
                bytes += [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
                bytes += part
            }
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: [1, 64, 4096, 1 << 16])
    func bufferedDigestEqualsTheFramingHashedAtOnce(blockBytes: Int) {
        var digest = FramedDigest(blockBytes: blockBytes)
        for entry in Self.entries {
            entry.key.withUnsafeBytes { key in entry.value.withUnsafeBytes { digest.add(key: key, value: $0) } }
        }
        #expect(digest.hex() == Self.reference(Self.entries))
        var collections = FramedDigest(blockBytes: blockBytes)
        for entry in Self.entries { collections.add(key: entry.key, value: entry.value) }
        #expect(collections.hex() == digest.hex())
        #expect(FramedDigest().hex() == Self.reference([]))
    }

    @Test func byteKeysLendTheirBytes() {
        for entry in Self.entries {
            let key = ByteKey(entry.key)
            #expect(key.bytes == entry.key)
            #expect(key.withUnsafeBytes { Array($0) } == entry.key)
            #expect(key.first == entry.key.first)
        }
    }

    @Test func aStoreDigestIsTheFramingOfItsEntriesInKeyOrder() throws {
        var store = InMemoryProjectionStore()
        // Skip the empty key and the meta prefix (0x00…), which digests leave out.
        let kept = Self.entries.filter { ($0.key.first ?? 0) != 0 }
        for entry in kept.reversed() { try store.put(entry.key, entry.value) }
        var unique: [[UInt8]: [UInt8]] = [:]
        for entry in kept { unique[entry.key] = entry.value }
        let ordered = unique.sorted { ByteKey.compare($0.key, $1.key) < 0 }.map { (key: $0.key, value: $0.value) }
        #expect(try ReadModelDigest.compute(store: store) == Self.reference(ordered))
        store.sortIndex()
        #expect(try ReadModelDigest.compute(store: store) == Self.reference(ordered))
    }
}
