import Domain
import LedgerTesting
import Testing

@testable import Projections

/// The audit's delta digests come from `DeltaTrackingStore` noting first writes in the base's
/// own entries. Held here to the plain definition: the entries whose value differs from the
/// whole model at the previous boundary.
@Suite("Delta tracking")
struct DeltaTrackingTests {
    struct Failure: Error {}

    /// The digest of `now`'s entries that differ from `then` (absent and meta keys left out).
    static func referenceDigest(then: [[UInt8]: [UInt8]], now: [[UInt8]: [UInt8]]) -> String {
        var digest = FramedDigest()
        let changed = now.filter { key, value in key.first != KeyBytes.metaPrefix && then[key] != value }
        for key in changed.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            digest.add(key: key, value: changed[key] ?? [])
        }
        return digest.hex()
    }

    static func grown(_ value: [UInt8]?, _ byte: UInt8) -> [UInt8] {
        let longer = (value ?? []) + [byte]
        return longer.count > 3 ? [byte] : longer
    }

    /// With `wrapping`, the period counter jumps to just before its wrap at the first boundary
    /// after a thousand steps: the periods after the wrap are those the first keys were noted
    /// in, so unless the marks are cleared there those keys' first writes would go unnoted.
    @Test(arguments: [(1, false), (2, false), (3, false), (4, true)] as [(UInt64, Bool)])
    func deltasEqualTheDifferenceOfWholeModels(seed: UInt64, wrapping: Bool) throws {
        var random = SeededRandom(seed: seed)
        var store = DeltaTrackingStore(InMemoryProjectionStore(), tracking: true)
        var model: [[UInt8]: [UInt8]] = [:]
        var atBoundary = model
        var boundaries = 0
        for step in 0..<6_000 {
            // Few keys, so that most are written again within a period and across periods;
            // some under the meta prefix; long ones spill out of the key's inline words.
            let length = random.next() % 5 == 0 ? 40 : 3
            var key = (0..<length).map { _ in UInt8(random.next() % 4) }
            if random.next() % 10 == 0 { key[0] = KeyBytes.metaPrefix } else if key[0] == 0 { key[0] = 1 }
            switch random.next() % 5 {
            case 0:
                let value = [UInt8(random.next() % 3)]
                store.put(ByteKey(key), value)
                model[key] = value
            case 1:
                // A body that throws leaves the value as it was.
                #expect(throws: Failure.self) {
                    try store.update(ByteKey(key)) { _ in throw Failure() }
                }
            case 2:
                // An absent key the body leaves absent stores nothing.
                store.update(ByteKey(key)) { _ in }
            default:
                // Changed in place, sometimes back to the value it had at the boundary.
                let byte = UInt8(step % 2)
                store.update(ByteKey(key)) { value in value = Self.grown(value, byte) }
                model[key] = Self.grown(model[key], byte)
            }
            if random.next() % 97 == 0 {
                #expect(store.takeDeltaDigest() == Self.referenceDigest(then: atBoundary, now: model))
                atBoundary = model
                boundaries += 1
                // Right after a boundary, so that no key of the period is noted yet.
                if wrapping, step >= 1_000, store.period < 1_000 { store.period = UInt32.max - 2 }
            }
        }
        #expect(store.takeDeltaDigest() == Self.referenceDigest(then: atBoundary, now: model))
        #expect(boundaries > 20)
        #expect(store.base.count == model.count)
        for (key, value) in model { #expect(store.get(ByteKey(key)) == value) }
    }

    /// Tracking turned on later, over a base a tracker noted keys in, starts clean too.
    @Test func trackingTurnedOnLaterSeesFirstWrites() {
        var first = DeltaTrackingStore(InMemoryProjectionStore(), tracking: true)
        first.put(ByteKey([1]), [1])
        _ = first.takeDeltaDigest()
        first.put(ByteKey([1]), [2])  // noted in the first tracker's period 2
        var second = DeltaTrackingStore(first.base, tracking: false)
        _ = second.takeDeltaDigest()  // now in its period 2, not tracking
        second.tracking = true
        second.put(ByteKey([1]), [3])
        #expect(second.takeDeltaDigest() == Self.referenceDigest(then: [[1]: [2]], now: [[1]: [3]]))
    }

    /// A base a tracker has noted keys in starts clean for the next one.
    @Test func aSecondTrackerSeesTheFirstWritesOfItsOwnPeriod() {
        var first = DeltaTrackingStore(InMemoryProjectionStore(), tracking: true)
        first.put(ByteKey([1]), [1])
        _ = first.takeDeltaDigest()
        first.put(ByteKey([1]), [2])  // noted in the first tracker's second period
        var second = DeltaTrackingStore(first.base, tracking: true)
        _ = second.takeDeltaDigest()  // the second tracker's first boundary; now in its period 2
        second.put(ByteKey([1]), [3])
        #expect(second.takeDeltaDigest() == Self.referenceDigest(then: [[1]: [2]], now: [[1]: [3]]))
    }
}
