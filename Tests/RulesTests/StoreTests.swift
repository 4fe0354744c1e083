import Domain
import Testing

@Suite struct StoreTests {
    /// A store that counts writes and can be told to fail, standing in for LMDB.
    struct CountingStore: RuleStateStore {
        struct Failure: Error {}
        var inner = InMemoryRuleStateStore()
        var puts = 0
        var failReads = false

        func get(_ key: [UInt8]) throws -> [UInt8]? {
            if failReads { throw Failure() }
            return inner.get(key)
        }

        mutating func put(_ key: [UInt8], _ value: [UInt8]) throws {
            puts += 1
            inner.put(key, value)
        }
    }

    @Test func cachedStateWritesEachKeyOnceOnFlush() throws {
        let fixture = try Fixture.standard()
        var cached = CachedRuleState(CountingStore(inner: fixture.state))
        for person in ["p1", "p2"] {
            try fixture.engine.apply(Fixture.enrol(person), actor: "school-1", occurredOn: Fixture.day, to: &cached)
        }
        #expect(cached.base.puts == 0)
        #expect(cached.pendingCount == 3)  // class C1 (twice rewritten), p1, p2
        #expect(throws: RuleViolation.self) {
            try fixture.engine.apply(Fixture.enrol("p3"), actor: "school-1", occurredOn: Fixture.day, to: &cached)
        }
        try cached.flush()
        #expect(cached.base.puts == 3)
        #expect(cached.pendingCount == 0)

        var direct = fixture
        try direct.record(Fixture.enrol("p1"), by: "school-1")
        try direct.record(Fixture.enrol("p2"), by: "school-1")
        #expect(cached.base.inner == direct.state)
    }

    /// LMDB inserts fastest in key order, and its order is byte-wise with shorter keys first.
    @Test func flushWritesInByteWiseKeyOrder() throws {
        struct RecordingStore: RuleStateStore {
            var keys: [[UInt8]] = []
            func get(_ key: [UInt8]) -> [UInt8]? { nil }
            mutating func put(_ key: [UInt8], _ value: [UInt8]) { keys.append(key) }
        }
        var cached = CachedRuleState(RecordingStore())
        for key: [UInt8] in [[2, 1], [1, 255], [2], [1], [1, 0, 9]] { cached.put(key, []) }
        try cached.flush()
        #expect(cached.base.keys == [[1], [1, 0, 9], [1, 255], [2], [2, 1]])
    }

    @Test func discardedOverlayLeavesTheBaseUntouched() throws {
        let fixture = try Fixture.standard()
        var cached = CachedRuleState(fixture.state)
        try fixture.engine.apply(Fixture.enrol("p1"), actor: "school-1", occurredOn: Fixture.day, to: &cached)
        cached.discard()
        try cached.flush()
        #expect(cached.base == fixture.state)
    }

    @Test func storeErrorsSurfaceAsStoreFailure() throws {
        let fixture = try Fixture.standard()
        var store = CountingStore(inner: fixture.state, failReads: true)
        do {
            try fixture.engine.apply(Fixture.enrol("p1"), actor: "school-1", occurredOn: Fixture.day, to: &store)
            Issue.record("accepted despite a failing store")
        } catch {
            #expect(error.code == .storeFailure)
            #expect(error.underlying is CountingStore.Failure)
        }
        #expect(store.puts == 0)
    }

    @Test func validateWritesNothing() throws {
        let fixture = try Fixture.standard()
        try fixture.engine.validate(Fixture.enrol("p1"), actor: "school-1", occurredOn: Fixture.day, in: fixture.state)
        #expect(throws: RuleViolation.self) {
            try fixture.engine.validate(
                Fixture.enrol("p1", in: "C9"), actor: "school-1", occurredOn: Fixture.day, in: fixture.state)
        }
    }

    @Test func corruptRecordsAreReportedNotTrapped() throws {
        var fixture = try Fixture.standard()
        let classKey: [UInt8] = [0x04] + Array("C1".utf8)
        #expect(fixture.state.get(classKey) != nil)
        fixture.state.put(classKey, [0xFF])
        fixture.expectRejected(Fixture.enrol("p1"), by: "school-1", .corruptState, field: "state")
    }

    @Test func everyViolationPrintsFieldMessageAndCode() {
        let violation = RuleViolation(.classFull, field: "data.classId", "class C7 is full (40 of 40 places)")
        #expect(violation.description == "data.classId: class C7 is full (40 of 40 places) [classFull]")
    }
}
