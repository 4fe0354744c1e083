import EventStore
import Foundation
import LMDB
import LedgerTesting
import Testing

/// Properties only the durable LMDB store has: reopen, on-disk damage, map growth.
@Suite("LMDB event store")
struct LMDBStoreTests {
    @Test func sequenceStaysGaplessAfterReopen() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let store = try EventStore.create(path: path)
            try store.append(EventFactory.batch(0..<7))
        }
        let reopened = try EventStore(path: path)
        let next = try reopened.append(EventFactory.batch(7..<10))
        #expect(next.sequences == [8, 9, 10])
        #expect(try reopened.verifyChain().isIntact)
        #expect(try reopened.streamVersion("stream-1") == 3)
    }

    @Test func openingAMissingLedgerSaysHowToCreateOne() throws {
        let dir = TemporaryDirectory()
        let error = #expect(throws: EventStoreError.self) { try EventStore(path: dir.file("nowhere")) }
        #expect(error?.code == .notALedger)
        #expect(error?.message.contains("ledger init") == true)
    }

    @Test func verifyNamesTheSequenceOfAFlippedByte() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("ledger")
        do {
            let store = try EventStore.create(path: path)
            var batch = EventFactory.batch(0..<60)
            batch[36].payload = Array("MARKER-FOR-RECORD-37".utf8)  // sequence 37
            try store.append(batch)
        }
        // Flip one byte of that record's payload in the data file, environment closed.
        #expect(try LedgerTampering.flipByte(of: "MARKER-FOR-RECORD-37", ledger: path))

        let store = try EventStore(path: path)
        let report = try store.verifyChain()
        #expect(report.firstFailure?.sequence == 37)
        #expect(report.verified == 36)
        #expect(report.firstFailure?.reason.contains("altered") == true)
    }

    @Test func mapGrowsPastItsInitialSize() throws {
        let dir = TemporaryDirectory()
        var options = Environment.Options()
        options.initialMapSize = 1 << 20  // 1 MiB
        let store = try EventStore.create(path: dir.file("ledger"), options: options)
        let initial = store.environment.mapSize
        for chunk in 0..<20 {  // ~20 MiB of records
            let batch = (0..<100).map { i in
                EventFactory.event(chunk * 100 + i, payloadSize: 10_000, id: "big-\(chunk)-\(i)")
            }
            try store.append(batch)
        }
        #expect(store.environment.mapSize > initial)
        #expect(try store.head().sequence == 2000)
        #expect(try store.verifyChain().isIntact)
    }

    @Test func lmdbErrorsCarryCodeAndEngineText() throws {
        let error = LMDBError(code: LMDBError.mapFull, context: "mdb_put(events)")
        #expect(error.code == -30792)
        #expect(error.message.contains("MDB_MAP_FULL"))
        #expect(error.description.contains("mdb_put(events)"))
    }
}
