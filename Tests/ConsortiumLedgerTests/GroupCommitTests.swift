import Domain
import EventStore
import Foundation
import LedgerTesting
import Testing

@testable import ConsortiumLedger

@Suite("Group commit")
struct GroupCommitTests {
    private static let charter =
        #"{"id":"e1","type":"ConsortiumChartered","occurredAt":"2025-01-02","actor":"gov-1","data":{"consortiumId":"C1","name":"Test City Consortium","region":"Test City","leadMemberId":"gov-1"}}"#
    private static let admitLead =
        #"{"id":"e2","type":"MemberAdmitted","occurredAt":"2025-01-02","actor":"gov-1","data":{"memberId":"gov-1","name":"City Education Bureau","kind":"government"}}"#

    private static func training(_ id: String, recipient: String? = nil) -> String {
        let to = recipient.map { #","recipientId":"\#($0)""# } ?? ""
        return
            #"{"id":"\#(id)","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"gov-1","data":{"providerId":"gov-1","personTimes":3,"topic":"safety"\#(to)}}"#
    }

    private static func admitSchool(_ n: Int, id: String, expectedVersion: Int? = nil) -> String {
        let ev = expectedVersion.map { #","expectedVersion":\#($0)"# } ?? ""
        return
            #"{"id":"\#(id)","type":"MemberAdmitted","occurredAt":"2025-01-03","actor":"gov-1"\#(ev),"data":{"memberId":"s\#(n)","name":"School \#(n)","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school("s\(n)"))"}}"#
    }

    private static func request(_ lines: [String]) throws -> AppendRequest {
        try AppendRequest(lines: lines.map { try ImportLine.parse(json: $0) })
    }

    private static func chartered(_ dir: TemporaryDirectory) throws -> Ledger {
        let ledger = try Ledger.create(path: dir.file("ledger"))
        try ledger.append(try request([charter, admitLead]))
        return ledger
    }

    /// Waits (bounded) until `count` requests queue behind a held committer.
    private static func waitForQueued(_ queue: GroupCommitQueue, _ count: Int) {
        for _ in 0..<2_000 where queue.queuedCount < count { usleep(1_000) }
    }

    @Test func concurrentCallersShareCommitsAndEachBatchStaysContiguous() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.chartered(dir)
        let queue = GroupCommitQueue(ledger: ledger)
        let threads = 6
        let batchesPerThread = 15
        let results = ResultLog()
        queue.holdCommits()  // the first batch of every thread lands in one group for sure
        let finished = DispatchGroup()
        for worker in 0..<threads {
            finished.enter()
            // Real threads (not a pool as wide as the cores), so all of them wait on the queue at once.
            Thread {
                defer { finished.leave() }
                for batch in 0..<batchesPerThread {
                    let ids = (0..<3).map { "t\(worker)-\(batch)-\($0)" }
                    do {
                        let result = try queue.append(try Self.request(ids.map { Self.training($0) }))
                        results.add(ids: ids, sequences: result.sequences)
                    } catch {
                        results.add(error: error)
                    }
                }
            }.start()
        }
        Self.waitForQueued(queue, threads)
        queue.releaseCommits()
        finished.wait()
        queue.close()
        #expect(results.errors.isEmpty, "\(results.errors)")
        let total = threads * batchesPerThread * 3
        let recorded = try ledger.events(from: 1)
        #expect(recorded.map(\.sequence) == Array(1...UInt64(total + 2)))
        #expect(Set(recorded.map(\.id)).count == recorded.count)
        for (ids, sequences) in results.acknowledged {
            #expect(sequences == Array(sequences[0]..<sequences[0] + 3), "a caller's batch is contiguous")
            #expect(sequences.map { recorded[Int($0) - 1].id } == ids)
        }
        #expect(queue.batchCount == threads * batchesPerThread)
        #expect(queue.commitCount < queue.batchCount)
        #expect(try ledger.verifyChain().isIntact)
        // The signed tree head comes from the live Merkle accumulator; the audit recomputes it from
        // the records, and rebuilds the read models from the log and compares them with the live ones.
        try ledger.checkpoint()
        #expect(try ledger.audit(options: AuditOptions(checkSignatures: false)).passed)
    }

    @Test func aRejectedBatchInAGroupFailsAloneAndLeavesNoTrace() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.chartered(dir)
        let queue = GroupCommitQueue(ledger: ledger)
        let outcomes = OutcomeLog()
        let requests = [
            try Self.request([Self.training("a1"), Self.training("a2")]),
            // Admits s9, then breaks a rule: s9 must not be admitted after all.
            try Self.request([Self.admitSchool(9, id: "b1"), Self.training("b2", recipient: "ghost")]),
            try Self.request([Self.training("c1"), Self.admitSchool(7, id: "c2", expectedVersion: 4)]),
            // Would be refused if the rejected batch's rule state had leaked into the group.
            try Self.request([Self.admitSchool(9, id: "d1", expectedVersion: 0)]),
        ]
        let done = DispatchGroup()
        queue.holdCommits()
        for (index, request) in requests.enumerated() {
            done.enter()
            queue.submit(request) { outcome in
                outcomes.set(index, outcome)
                done.leave()
            }
        }
        queue.releaseCommits()
        done.wait()
        queue.close()

        #expect(queue.commitCount == 1)
        #expect((try? outcomes[0].get())?.sequences == [3, 4])
        #expect((try? outcomes[3].get())?.sequences == [5])
        let ruleError = outcomes.error(1) as? LedgerError
        #expect(ruleError?.code == .ruleViolation)
        #expect(ruleError?.message.contains("data.recipientId") == true, "\(String(describing: ruleError))")
        let conflict = outcomes.error(2) as? EventStoreError
        #expect(conflict?.code == .versionConflict)
        #expect(
            conflict?.message.contains("member-s7: expected version 4, actual 0") == true,
            "\(String(describing: conflict))")

        let ids = try ledger.events(from: 1).map(\.id)
        #expect(ids == ["e1", "e2", "a1", "a2", "d1"])
        #expect(try ledger.verifyChain().isIntact)
        // Rebuilds rules, Merkle tree and read models from the log and compares with the live ones.
        try ledger.checkpoint()
        #expect(try ledger.audit(options: AuditOptions(checkSignatures: false)).passed)
    }

    @Test func aClosedQueueRefusesNewRequests() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.chartered(dir)
        let queue = GroupCommitQueue(ledger: ledger)
        queue.close()
        #expect(throws: GroupCommitQueue.Closed.self) { try queue.append(try Self.request([Self.training("x")])) }
        #expect(try ledger.eventCount() == 2)
    }

    /// Observers hear of every commit that recorded something — and only of those: a resend of
    /// recorded events and a refused batch record nothing, so nobody is woken for them.
    @Test func observersAreToldOfEachCommitThatRecordedSomething() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.chartered(dir)
        let queue = GroupCommitQueue(ledger: ledger)
        let told = Locked(0)
        queue.observeCommits { told.withLock { $0 += 1 } }
        try queue.append(try Self.request([Self.training("t1")]))
        #expect(told.value == 1)
        try queue.append(try Self.request([Self.training("t1")]))  // the same event again: a duplicate
        #expect(told.value == 1)
        #expect(throws: (any Error).self) {
            try queue.append(try Self.request([Self.admitSchool(1, id: "v", expectedVersion: 7)]))
        }
        #expect(told.value == 1)
        try queue.append(try Self.request([Self.training("t2"), Self.training("t3")]))
        #expect(told.value == 2)
        queue.close()
    }

    /// The snapshots a commit crosses are written off the commit's path, and closing the queue
    /// waits for them: afterwards they are exactly those the checkpointer folds from the log.
    @Test func snapshotsCrossedByCommitsAreWrittenByTheTimeTheQueueCloses() throws {
        let dir = TemporaryDirectory()
        let ledger = try Self.chartered(dir)
        try ledger.setSnapshotInterval(10)
        let queue = GroupCommitQueue(ledger: ledger)
        for batch in 0..<12 {
            try queue.append(try Self.request((0..<4).map { Self.training("b\(batch)-\($0)") }))
        }
        queue.close()
        let written = try ledger.snapshotEntries()
        // The charter's January ends before the February trainings (2), then every 10 of 50 events.
        #expect(written.map(\.position) == [2, 10, 20, 30, 40, 50])
        try ledger.rebuildSnapshots()
        #expect(try ledger.snapshotEntries() == written)
    }
}

/// What the worker threads were told, gathered under a lock.
private final class ResultLog: Sendable {
    private struct State {
        var acknowledged: [([String], [UInt64])] = []
        var errors: [String] = []
    }

    private let state = Locked(State())
    var acknowledged: [([String], [UInt64])] { state.value.acknowledged }
    var errors: [String] { state.value.errors }

    func add(ids: [String], sequences: [UInt64]) {
        state.withLock { $0.acknowledged.append((ids, sequences)) }
    }

    func add(error: any Error) {
        state.withLock { $0.errors.append(String(describing: error)) }
    }
}

private final class OutcomeLog: Sendable {
    private let outcomes = Locked<[Int: Result<AppendResult, any Error>]>([:])

    func set(_ index: Int, _ outcome: Result<AppendResult, any Error>) {
        outcomes.withLock { $0[index] = outcome }
    }

    subscript(index: Int) -> Result<AppendResult, any Error> {
        outcomes.withLock { $0[index] } ?? .failure(LedgerError(.notFound, "no outcome"))
    }

    func error(_ index: Int) -> (any Error)? {
        if case .failure(let error) = self[index] { return error }
        return nil
    }
}
