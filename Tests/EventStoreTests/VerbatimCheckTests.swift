import Foundation
import LedgerTesting
import Testing

@testable import EventStore

/// A mirror's check of each copied record's stream version, against this batch, the batch
/// before it (which the snapshot may not hold yet) and the snapshot.
@Suite("Verbatim check: stream versions")
struct VerbatimCheckTests {
    /// Stored records for `events` (stream, version) chained from `previous`, from `sequence` on.
    private func records(
        _ events: [(stream: String, version: UInt64)], from sequence: UInt64, after previous: ChainHash
    ) -> (stored: [[UInt8]], last: ChainHash) {
        var previous = previous
        var stored: [[UInt8]] = []
        for (offset, event) in events.enumerated() {
            let n = Int(sequence) + offset
            let (bytes, hash) = RecordCodec.encodeStored(
                EventFactory.event(n, stream: event.stream, id: "evt-\(n)"), sequence: sequence + UInt64(offset),
                version: event.version, recordedAt: 1_700_000_000_000, previous: previous)
            stored.append(bytes)
            previous = hash
        }
        return (stored, previous)
    }

    @Test func versionsFollowOnAcrossBatchesAndFromTheSnapshotAndASkipIsNamed() throws {
        let dir = TemporaryDirectory()
        let store = try EventStore.create(path: dir.file("ledger"))
        // In the snapshot: "s-1" at version 2.
        try store.append([EventFactory.event(0, stream: "s-1", id: "a"), EventFactory.event(1, stream: "s-1", id: "b")])
        let head = try store.read { try $0.head() }
        var check = VerbatimCheck(after: head.sequence, hash: head.hash)
        let first = records([("s-1", 3), ("s", 1), ("s-10", 1), ("s", 2)], from: 3, after: head.hash)
        let second = records([("s", 3), ("s-10", 2), ("s-1", 4), ("s-10", 4)], from: 7, after: first.last)
        let failure = try store.read { reader in
            check.startBatch()
            for (index, record) in first.stored.enumerated() {
                _ = try record.withUnsafeBytes { try check.check($0, index: index, on: reader) }
            }
            // The next batch is checked on the same snapshot: the first batch is not in it.
            check.startBatch()
            for (index, record) in second.stored.prefix(3).enumerated() {
                _ = try record.withUnsafeBytes { try check.check($0, index: index, on: reader) }
            }
            return #expect(throws: EventStoreError.self) {
                try second.stored[3].withUnsafeBytes { try check.check($0, index: 3, on: reader) }
            }
        }
        #expect(failure?.code == .unverifiedRecord)
        #expect(failure?.batchIndex == 3)
        #expect(failure?.message.contains("record 10: version 4 in stream s-10, whose next is 3") == true)
    }

    @Test(arguments: [false, true])
    func aTableFindsEachKeyByItsBytesEvenWhenHashesCollide(allCollide: Bool) {
        var table = BytesTable<UInt64>(everyKeyCollides: allCollide)
        let keys = ["", "s", "s-1", "s-10", "\u{5408}\u{540C}", String(repeating: "k", count: 40)]
        for (value, key) in keys.enumerated() {
            Array(key.utf8).withUnsafeBytes { table.set(UInt64(value), for: $0) }
        }
        Array("s-1".utf8).withUnsafeBytes { table.set(99, for: $0) }
        let found = keys.map { key in Array(key.utf8).withUnsafeBytes { table.value(for: $0) } }
        #expect(found == [0, 1, 99, 3, 4, 5])
        #expect(Array("s-".utf8).withUnsafeBytes { table.value(for: $0) } == nil)
        table.removeAll()
        #expect(Array("s".utf8).withUnsafeBytes { table.value(for: $0) } == nil)
    }
}
