import Domain
import Testing

@testable import Projections

/// `updateCounters` changes a record in place; a body that throws part-way (a figure that would
/// overflow) must leave the record exactly as it was: same bytes, same length, or still absent.
@Suite struct CounterUpdateTests {
    struct Refused: Error {}

    static let key = ByteKey(Array("f/pair".utf8))

    @Test func addsInPlaceAndWidensAShorterRecord() throws {
        var store = InMemoryProjectionStore()
        try store.put(Self.key, [0, 0, 0, 0, 0, 0, 0, 5])
        try store.updateCounters(at: Self.key, slots: 3) { slots in
            slots[0] += 1
            slots[2] = 7
        }
        let counters = try store.counters(at: Self.key)
        #expect((counters[0], counters[1], counters[2]) == (6, 0, 7))
        #expect(try store.get(Self.key)?.count == 24)
    }

    @Test func aRefusedChangeLeavesTheRecordAsItWas() throws {
        var store = InMemoryProjectionStore()
        let original: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 5]
        try store.put(Self.key, original)
        #expect(throws: Refused.self) {
            try store.updateCounters(at: Self.key, slots: 4) { slots in
                slots[0] = 99  // changed before the refusal: must be undone
                throw Refused()
            }
        }
        #expect(try store.get(Self.key) == original)
    }

    @Test func aRefusedFirstChangeLeavesNoRecord() throws {
        var store = InMemoryProjectionStore()
        #expect(throws: Refused.self) {
            try store.updateCounters(at: Self.key, slots: 2) { slots in
                slots[1] = 1
                throw Refused()
            }
        }
        #expect(try store.get(Self.key) == nil)
        #expect(store.count == 0)
    }
}
