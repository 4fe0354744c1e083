import Domain
import LedgerTesting
import Projections
import Testing

@Suite("Projection stores")
struct StoreTests {
    static func keys(_ store: some ProjectionStore, prefix: [UInt8] = []) throws -> [[UInt8]] {
        try store.entries(prefix: prefix).map(\.key)
    }

    @Test func inMemoryStoreWalksPrefixesInKeyByteOrder() throws {
        var store = InMemoryProjectionStore()
        for key: [UInt8] in [[2], [1, 2], [1], [1, 0xFF], [1, 1, 0]] { try store.put(key, key) }
        #expect(try Self.keys(store) == [[1], [1, 1, 0], [1, 2], [1, 0xFF], [2]])
        store.sortIndex()
        #expect(try Self.keys(store, prefix: [1]) == [[1], [1, 1, 0], [1, 2], [1, 0xFF]])
        try store.put([1, 1], [9])  // a new key after sorting invalidates the index
        #expect(try Self.keys(store, prefix: [1, 1]) == [[1, 1], [1, 1, 0]])
        #expect(try store.get([1, 1]) == [9])
        #expect(try store.get([3]) == nil)
    }

    @Test func writeBackCacheReadsThroughMergesAndFlushesInOrder() throws {
        var base = InMemoryProjectionStore()
        try base.put([1], [1])
        try base.put([3], [3])
        var cache = WriteBackCache(base: base)
        try cache.put([2], [2])
        try cache.put([3], [33])
        _ = try cache.update([4]) { value in value = [4] }
        #expect(try cache.get([1]) == [1])
        #expect(try cache.entries().map(\.value) == [[1], [2], [33], [4]])
        #expect(try base.get([2]) == nil)  // nothing reaches the base before the flush
        try cache.flush(into: &base)
        #expect(try base.entries().map(\.value) == [[1], [2], [33], [4]])
        #expect(cache.dirtyCount == 0)
    }

    @Test func takingDirtyEntriesHandsOverEachChangeOnceInKeyOrder() throws {
        var base = InMemoryProjectionStore()
        try base.put([5], [50])
        var cache = WriteBackCache(base: base)
        var random = SeededRandom(seed: 18)
        var expected: [[UInt8]: [UInt8]] = [:]
        // Keys of every length around the 32 inline bytes, written in random order, some twice.
        for _ in 0..<400 {
            let key = (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...3, using: &random) }
            let value = [UInt8.random(in: 0...255, using: &random)]
            try cache.put(key, value)
            expected[key] = value
        }
        #expect(try cache.get([5]) == [50])  // read, not changed: not handed over
        let taken = cache.takeDirtyEntries()
        #expect(taken.map(\.key.bytes) == expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(taken.allSatisfy { expected[$0.key.bytes] == $0.value })
        #expect(cache.takeDirtyEntries().isEmpty)  // clean from now on
        let (someKey, someValue) = try #require(expected.first)
        #expect(try cache.get(someKey) == someValue)  // and still cached
        _ = try cache.update(someKey) { value in value = [7] }
        #expect(cache.takeDirtyEntries().map(\.value) == [[7]])
    }

    @Test func runnerSkipsWhatItHasAppliedAndRefusesGaps() throws {
        let events = Array(CityScenario.events.prefix(5))
        var store = InMemoryProjectionStore()
        let runner = ProjectionRunner<CouncilProjector>()
        #expect(try ProjectionRunner<CouncilProjector>.status(of: store) == .resumable(after: 0))
        try runner.apply(events.prefix(3), to: &store)
        let afterThree = try ReadModelDigest.compute(store: store)
        try runner.apply(events.prefix(3), to: &store)  // re-delivered: no change
        #expect(try ReadModelDigest.compute(store: store) == afterThree)
        #expect(try ProjectionRunner<CouncilProjector>.status(of: store) == .resumable(after: 3))
        #expect(throws: ProjectionError.sequenceGap(projector: "council", expected: 4, got: 5)) {
            try runner.apply(events.suffix(1), to: &store)
        }
        try runner.apply(events, to: &store)  // catch-up from the checkpoint
        #expect(try ProjectionCheckpoint.read(from: store)?.sequence == 5)
    }

    @Test func aVersionBumpAsksForARebuild() throws {
        var store = InMemoryProjectionStore()
        try ProjectionCheckpoint(sequence: 40, version: CommitteeProjector.version + 1).write(to: &store)
        #expect(
            try ProjectionRunner<CommitteeProjector>.status(of: store)
                == .needsRebuild(storedVersion: CommitteeProjector.version + 1))
        #expect(throws: ProjectionError.self) {
            try ProjectionRunner<CommitteeProjector>().apply(CityScenario.events.prefix(1), to: &store)
        }
    }

    @Test func moneyIsShownInYuanWithTwoDecimals() {
        #expect(ReportValue.yuan(0) == "0.00")
        #expect(ReportValue.yuan(5) == "0.05")
        #expect(ReportValue.yuan(123_450) == "1234.50")
        #expect(ReportValue.yuan(-101) == "-1.01")
        #expect(ReportValue.money(fen: 123_450).csvCell == "123450")
    }
}
