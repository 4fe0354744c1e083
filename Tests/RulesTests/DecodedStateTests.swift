import Domain
import LedgerTesting
import Testing

/// The in-memory stores keep the entities the engine writes decoded (`RuleRecord`); a store
/// that only knows bytes (LMDB's shape) goes through the encoded form on every read and write.
/// Both must end with the same bytes under the same keys, for a whole generated history.
@Suite("Rule state kept decoded")
struct DecodedStateTests {
    /// Only `get` and `put`: every record the engine reads is decoded from bytes, and every
    /// entity it writes is encoded at once.
    struct BytesOnlyStore: RuleStateStore, Equatable {
        var entries: [[UInt8]: [UInt8]] = [:]
        func get(_ key: [UInt8]) -> [UInt8]? { entries[key] }
        mutating func put(_ key: [UInt8], _ value: [UInt8]) { entries[key] = value }
    }

    @Test(arguments: [5, 17])
    func decodedStoresEndWithTheBytesOfAByteStore(seed: Int) throws {
        let directory = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 4_000, seed: seed, in: directory)
        let engine = RuleEngine()
        var decoded = InMemoryRuleStateStore()
        var bytesOnly = BytesOnlyStore()
        // Flushed every 250 events, as an import flushes each batch: later batches read the
        // earlier ones' entities back from bytes.
        var overlay = CachedRuleState(BytesOnlyStore())
        for (index, text) in lines.enumerated() {
            let line = try ImportLine.parse(json: text)
            let day = line.occurredAt.localDate
            try engine.apply(line.event, actor: line.actor, occurredOn: day, to: &decoded)
            try engine.apply(line.event, actor: line.actor, occurredOn: day, to: &bytesOnly)
            try engine.apply(line.event, actor: line.actor, occurredOn: day, to: &overlay)
            if index % 250 == 249 { try overlay.flush() }
        }
        try overlay.flush()
        #expect(decoded.count > 500)
        #expect(decoded.entries == bytesOnly.entries)
        #expect(overlay.base.entries == bytesOnly.entries)
    }

    /// A rejected event leaves a decoded store as it was, like a byte store.
    @Test func rejectedEventChangesNothingDecoded() throws {
        let directory = TemporaryDirectory()
        let lines = try GeneratedHistory.lines(events: 600, seed: 3, in: directory)
        let engine = RuleEngine()
        var state = InMemoryRuleStateStore()
        for text in lines {
            let line = try ImportLine.parse(json: text)
            try engine.apply(line.event, actor: line.actor, occurredOn: line.occurredAt.localDate, to: &state)
        }
        // Every event again: many are now duplicates or break a rule. A rejected one must leave
        // the state exactly as it was; an accepted one (a repeatable report) moves it on.
        var rejected = 0
        for text in lines {
            let line = try ImportLine.parse(json: text)
            let before = state.entries
            do {
                try engine.apply(line.event, actor: line.actor, occurredOn: line.occurredAt.localDate, to: &state)
            } catch {
                rejected += 1
                #expect(state.entries == before, "\(line.type) changed the state although rejected")
            }
        }
        #expect(rejected > lines.count / 4)  // ids and one-time steps: about half
    }
}
