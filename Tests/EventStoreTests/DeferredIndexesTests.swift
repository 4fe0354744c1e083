import EventStore
import Foundation
import LedgerTesting
import Testing

/// Batches of one transaction that leave their id and stream index entries for the end
/// (`DeferredIndexes`, what a one-transaction import does).
@Suite("Deferred index writes")
struct DeferredIndexesTests {
    /// Appends `batches` in one transaction, deferring their index entries, and writes them.
    private func appendDeferred(_ batches: [[NewEvent]], to store: EventStore) throws -> [AppendResult] {
        try store.write { writer in
            var deferred = DeferredIndexes()
            var hooks = NoAppendHooks()
            let results = try batches.map {
                try writer.appendBatch($0, hooks: &hooks, deferringIndexesTo: &deferred)
            }
            try deferred.sortInBackground().write(in: writer)
            return results
        }
    }

    @Test func laterBatchesFindTheEntriesOfEarlierOnesAndAllAreWrittenAtTheEnd() throws {
        let dir = TemporaryDirectory()
        let store = try EventStore.create(path: dir.file("ledger"))
        try store.append(EventFactory.batch(0..<4))  // in the databases already
        let results = try appendDeferred(
            [
                EventFactory.batch(4..<40),
                // A resend of one from the batch before (not written yet) and of one recorded
                // before this transaction: both duplicates, neither recorded again.
                [EventFactory.batch(4..<40)[7], EventFactory.batch(0..<4)[2]] + EventFactory.batch(40..<70),
                // Stream versions go on from the earlier batches of the transaction.
                [EventFactory.event(70, stream: "stream-1", expectedVersion: 23, id: "evt-70")],
            ], to: store)
        #expect(results[1].duplicates.prefix(2) == [true, true])
        #expect(results[1].sequences.prefix(2) == [12, 3])
        #expect(results[2].sequences == [71])
        // Every id and every stream's version is found through the indexes written at the end.
        var versions: [String: UInt64] = [:]
        var unindexed: [UInt64] = []
        let events = try store.read { try $0.events() }
        #expect(events.count == 71)
        for event in events {
            if try store.read({ try $0.sequence(ofEventId: event.id) }) != event.sequence {
                unindexed.append(event.sequence)
            }
            versions[event.stream] = event.version
        }
        #expect(unindexed.isEmpty)
        #expect(versions.count == 3)
        for (stream, version) in versions { #expect(try store.streamVersion(stream) == version) }
    }

    @Test func aConflictWithAnEarlierBatchOfTheTransactionIsRefusedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        let store = try EventStore.create(path: dir.file("ledger"))
        var reused = EventFactory.event(99, id: "evt-5")  // evt-5 with other content
        reused.payload = Array("other content".utf8)
        let idError = #expect(throws: EventStoreError.self) {
            try appendDeferred([EventFactory.batch(0..<10), EventFactory.batch(10..<12) + [reused]], to: store)
        }
        #expect(idError?.code == .idConflict)
        #expect(idError?.message.contains("sequence 6") == true)
        // An expected version the earlier batch already passed.
        let versionError = #expect(throws: EventStoreError.self) {
            try appendDeferred(
                [EventFactory.batch(0..<9), [EventFactory.event(9, stream: "stream-0", expectedVersion: 2, id: "x")]],
                to: store)
        }
        #expect(versionError?.code == .versionConflict)
        #expect(versionError?.message.contains("actual 3") == true)
        #expect(try store.head().sequence == 0)
    }
}
