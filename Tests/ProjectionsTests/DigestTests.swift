import Domain
import Projections
import Testing

@Suite("Read-model digests")
struct DigestTests {
    /// What the ledger does inline: one event at a time, each through the runner
    /// (checkpoint included), here behind a write-back cache flushed every few events.
    static func incremental(_ events: [(DomainEvent, EventContext)], flushEvery: Int) throws -> ReadModelDigests {
        var council = InMemoryProjectionStore()
        var committee = InMemoryProjectionStore()
        var project = InMemoryProjectionStore()
        var claims = InMemoryProjectionStore()
        for start in stride(from: 0, to: events.count, by: flushEvery) {
            let batch = events[start..<min(start + flushEvery, events.count)]
            var councilCache = WriteBackCache(base: council)
            var committeeCache = WriteBackCache(base: committee)
            for event in batch {
                try ProjectionRunner<CouncilProjector>().apply([event], to: &councilCache)
                try ProjectionRunner<CommitteeProjector>().apply([event], to: &committeeCache)
                try ProjectionRunner<ProjectProjector>().apply([event], to: &project)
                try ProjectionRunner<ClaimsProjector>().apply([event], to: &claims)
            }
            try councilCache.flush(into: &council)
            try committeeCache.flush(into: &committee)
        }
        #expect(
            try ProjectionCheckpoint.read(from: council)
                == .init(sequence: UInt64(events.count), version: CouncilProjector.version))
        return ReadModelDigests(
            council: try ReadModelDigest.compute(store: council),
            committee: try ReadModelDigest.compute(store: committee),
            project: try ReadModelDigest.compute(store: project),
            claims: try ReadModelDigest.compute(store: claims))
    }

    @Test(arguments: [1, 7, 1000])
    func incrementalAndRebuiltFromZeroAgree(flushEvery: Int) throws {
        let events = CityScenario.events
        let rebuilt = try Replayer.replaying(events).digests()
        #expect(try Self.incremental(events, flushEvery: flushEvery) == rebuilt)
    }

    @Test func aDifferentHistoryGivesDifferentDigests() throws {
        let events = CityScenario.events
        let original = try Replayer.replaying(events).digests()

        var changed = events
        let index = try #require(changed.firstIndex { if case .subsidyPaid = $0.0 { true } else { false } })
        changed[index].0 = .subsidyPaid(.init(claimId: "K1", amountFen: 299_999))
        let altered = try Replayer.replaying(changed).digests()
        #expect(altered.council != original.council)
        #expect(altered.committee != original.committee)
        #expect(altered.project == original.project)  // payments are not project figures

        let shorter = try Replayer.replaying(events.dropLast()).digests()
        #expect(shorter.council != original.council)
    }

    @Test func digestIsHexSHA256OfLengthPrefixedEntries() throws {
        var store = InMemoryProjectionStore()
        #expect(
            try ReadModelDigest.compute(store: store)
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        try store.put([0x41], [0x01, 0x02])
        let one = try ReadModelDigest.compute(store: store)
        try ProjectionCheckpoint(sequence: 9, version: 1).write(to: &store)
        #expect(try ReadModelDigest.compute(store: store) == one)  // the checkpoint is bookkeeping
        var split = InMemoryProjectionStore()
        try split.put([0x41, 0x01], [0x02])
        #expect(try ReadModelDigest.compute(store: split) != one)  // lengths keep boundaries apart
        #expect(one.count == 64)
    }
}
