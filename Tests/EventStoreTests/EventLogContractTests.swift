import EventStore
import LedgerTesting
import Testing

/// The contract every event-log implementation must meet (LMDB store and in-memory store alike).
@Suite("Event log contract")
struct EventLogContractTests {
    @Test(arguments: LogKind.allCases)
    func sequenceIsGaplessAcrossBatches(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        let first = try log.append(EventFactory.batch(0..<5))
        let second = try log.append(EventFactory.batch(5..<12))
        #expect(first.sequences == [1, 2, 3, 4, 5])
        #expect(second.sequences == Array(6...12))
        let all = try log.events(from: 1, through: .max, backward: false, limit: .max)
        #expect(all.map(\.sequence) == Array(1...12))
        #expect(all.map(\.id) == (0..<12).map { "evt-\($0)" })
        #expect(try log.head().sequence == 12)
    }

    @Test(arguments: LogKind.allCases)
    func streamVersionsCountPerStream(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        try log.append(EventFactory.batch(0..<9, streams: 3))
        #expect(try log.streamVersion("stream-0") == 3)
        #expect(try log.streamVersion("stream-2") == 3)
        #expect(try log.streamVersion("stream-unknown") == 0)
        let stream1 = try log.events(
            inStream: "stream-1", fromVersion: 1, throughVersion: .max, backward: false, limit: .max)
        #expect(stream1.map(\.version) == [1, 2, 3])
        #expect(stream1.map(\.id) == ["evt-1", "evt-4", "evt-7"])
    }

    @Test(arguments: LogKind.allCases)
    func versionConflictWritesNothingOfTheBatch(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        try log.append([EventFactory.event(0, stream: "agreement-A1", expectedVersion: 0)])
        let batch = [
            EventFactory.event(1, stream: "agreement-B", expectedVersion: 0),
            EventFactory.event(2, stream: "agreement-A1", expectedVersion: 0),  // actual is 1
        ]
        let error = #expect(throws: EventStoreError.self) { try log.append(batch) }
        #expect(error?.code == .versionConflict)
        #expect(error?.batchIndex == 1)
        #expect(error?.message.contains("agreement-A1") == true)
        #expect(error?.message.contains("expected version 0, actual 1") == true)
        #expect(try log.head().sequence == 1)
        #expect(try log.streamVersion("agreement-B") == 0)
        // With the right expectation it goes through.
        let ok = try log.append([EventFactory.event(2, stream: "agreement-A1", expectedVersion: 1)])
        #expect(ok.sequences == [2])
    }

    @Test(arguments: LogKind.allCases)
    func resendingTheSameEventIsIdempotent(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        let batch = EventFactory.batch(0..<4)
        try log.append(batch)
        let again = try log.append(batch + [EventFactory.event(4, id: "evt-4")])
        #expect(again.sequences == [1, 2, 3, 4, 5])
        #expect(again.duplicates == [true, true, true, true, false])
        #expect(again.appendedCount == 1)
        #expect(try log.head().sequence == 5)
    }

    @Test(arguments: LogKind.allCases)
    func reusingAnIdForOtherContentIsRejected(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        try log.append([EventFactory.event(0, id: "same")])
        var changed = EventFactory.event(0, id: "same")
        changed.payload[0] ^= 0xFF
        let error = #expect(throws: EventStoreError.self) {
            try log.append([EventFactory.event(1, id: "new"), changed])
        }
        #expect(error?.code == .idConflict)
        #expect(try log.head().sequence == 1)
    }

    @Test(arguments: LogKind.allCases)
    func readsByRangeForwardAndBackward(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        try log.append(EventFactory.batch(0..<20))
        #expect(try log.events(from: 5, through: 8, backward: false, limit: .max).map(\.sequence) == [5, 6, 7, 8])
        #expect(try log.events(from: 5, through: 8, backward: true, limit: .max).map(\.sequence) == [8, 7, 6, 5])
        #expect(try log.events(from: 1, through: .max, backward: true, limit: 3).map(\.sequence) == [20, 19, 18])
        #expect(try log.events(from: 18, through: .max, backward: false, limit: 10).map(\.sequence) == [18, 19, 20])
        #expect(try log.events(from: 21, through: .max, backward: false, limit: 10).isEmpty)
        let back = try log.events(inStream: "stream-0", fromVersion: 1, throughVersion: .max, backward: true, limit: 2)
        #expect(back.map(\.version) == [7, 6])
    }

    @Test(arguments: LogKind.allCases)
    func recordsKeepEveryEnvelopeField(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        var event = EventFactory.event(1, stream: "person-p7")
        event.causationId = "cause-1"
        event.correlationId = "corr-1"
        event.schemaVersion = 3
        event.signature = [1, 2, 3]
        event.signerKeyId = "k1"
        try log.append([event])
        let stored = try #require(try log.events(from: 1, through: 1, backward: false, limit: 1).first)
        #expect(stored.hasSameContent(as: event))
        #expect(stored.signature == [1, 2, 3])
        #expect(stored.signerKeyId == "k1")
        #expect(stored.version == 1)
        #expect(stored.recordedAt > 0)
    }

    @Test(arguments: LogKind.allCases)
    func chainLinksEveryRecord(kind: LogKind) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        try log.append(EventFactory.batch(0..<10))
        let records = try log.events(from: 1, through: .max, backward: false, limit: .max)
        for (a, b) in zip(records, records.dropFirst()) { #expect(b.previousHash == a.hash) }
        let report = try log.verifyChain()
        #expect(report.isIntact)
        #expect(report.verified == 10)
        #expect(report.headHash == records.last?.hash)
    }

    @Test(arguments: LogKind.allCases, ["id", "type", "stream", "actor"])
    func emptyEnvelopeFieldsAreRejected(kind: LogKind, field: String) throws {
        let dir = TemporaryDirectory()
        let log = try kind.makeLog(in: dir)
        var event = EventFactory.event(2)
        switch field {
        case "id": event.id = ""
        case "type": event.type = ""
        case "stream": event.stream = ""
        default: event.actor = ""
        }
        let error = #expect(throws: EventStoreError.self) {
            try log.append([EventFactory.event(1), event])
        }
        #expect(error?.code == .invalidEvent)
        #expect(error?.batchIndex == 1)
        if kind == .lmdb { #expect(error?.message == "event 2 of the batch: \(field) must not be empty") }
        #expect(try log.head().sequence == 0)
    }
}
