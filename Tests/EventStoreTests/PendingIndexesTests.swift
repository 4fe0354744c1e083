import Foundation
import Testing

@testable import EventStore

/// The in-memory index entries a batch (or a deferring transaction) looks up before the
/// databases: found by a hash of their bytes, every hit checked against those bytes.
@Suite("Pending index entries")
struct PendingIndexesTests {
    /// The same records through the real hash and through one under which every key collides.
    @Test(arguments: [false, true])
    func idsAndStreamHeadsAreFoundByTheirBytesEvenWhenTheirHashesCollide(allCollide: Bool) {
        var pending = PendingIndexes(capacity: 4, everyKeyCollides: allCollide)
        var sequence: UInt64 = 100
        var versions: [String: UInt64] = [:]
        // Streams where one is a prefix of another, and ids of every length around a word.
        let streams = ["s", "s-1", "s-10", "claim-\u{5408}\u{540C}"]
        let ids = (0..<40).map { String(repeating: "x", count: $0 % 19 + 1) + "-\($0)" }
        for (index, id) in ids.enumerated() {
            let stream = streams[index % streams.count]
            sequence += 1
            versions[stream, default: 0] += 1
            pending.record(
                id: id, stream: stream, version: versions[stream, default: 0], sequence: sequence, batchIndex: index)
        }
        for (index, id) in ids.enumerated() {
            let found = pending.recorded(id: id)
            #expect(found?.sequence == 101 + UInt64(index))
            #expect(found?.batchIndex == index)
        }
        #expect(pending.recorded(id: "x-0 ") == nil)
        #expect(pending.recorded(id: "") == nil)
        for stream in streams { #expect(pending.version(ofStream: stream) == versions[stream]) }
        #expect(pending.version(ofStream: "s-") == nil)
        #expect(pending.version(ofStream: "s-100") == nil)
        #expect(pending.ids.entries.count == ids.count)
        #expect(pending.streams.entries.count == ids.count)
    }

    @Test func theHashSpreadsKeysThatDifferInOneByte() {
        var seen = Set<UInt64>()
        for index in 0..<10_000 {
            let key = Array("3f2a9c1e-0b7d-4e5f-9a8b-\(String(format: "%012d", index))".utf8)
            seen.insert(key.withUnsafeBytes { WordMixHash.hash($0) })
        }
        #expect(seen.count == 10_000)
    }
}
