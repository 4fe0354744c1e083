import Audit
import ConsortiumLedger
import EventStore
import Foundation
import LedgerTesting
import Testing

/// A mirror's pipeline (`VerbatimCopier`): batch n+1 is checked and folded on a snapshot
/// that may not hold batch n yet, while batch n is stored. The copy must still be the
/// primary's byte for byte with read models equal to a replay, and a failure in a later
/// batch must leave every earlier batch stored and nothing of its own.
@Suite("Pipelined verbatim copies")
struct VerbatimCopierTests {

    /// Hands `records` to one copier in batches of `size` and finishes it.
    private func copy(
        _ records: ArraySlice<[UInt8]>, size: Int, to ledger: Ledger,
        cachedKeys: Int = VerbatimCopier.defaultCachedKeys
    ) throws -> UInt64 {
        let copier = try VerbatimCopier(ledger: ledger, cachedKeys: cachedKeys)
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + size, records.endIndex)
            try copier.submit(frames: CopyFixture.frames(records[start..<end]))
            start = end
        }
        return try copier.finish()
    }

    /// Where `record`'s id starts and how long it is.
    private func idRange(_ record: [UInt8]) throws -> Range<Int> {
        try record.withUnsafeBytes { stored in
            let view = try RecordView(stored: stored)
            let start = try #require(view.idUTF8.baseAddress) - #require(stored.baseAddress)
            return start..<(start + view.idUTF8.count)
        }
    }

    @Test func anIdFromTheBatchStillBeingStoredIsRefused() throws {
        let dir = TemporaryDirectory("copier-duplicate")
        let (primary, records) = try CopyFixture.primary(in: dir, seed: 23)
        let replica = try CopyFixture.replica(of: primary, in: dir)
        // Record 705 (batch 8 of 100) carries record 698's id (batch 7, which may not be
        // committed when batch 8 is checked); the chain from 705 on is re-linked, so whole.
        var served = Array(records[0..<900])
        let source = try idRange(served[697])
        let target = try idRange(served[704])
        try #require(source.count == target.count)
        served[704].replaceSubrange(target, with: served[697][source])
        var previous = try #require(Hash(bytes: served[703].suffix(32)))
        for index in 704..<served.count {
            (served[index], previous) = CopyFixture.relinked(served[index], previous: previous)
        }
        do {
            _ = try copy(served[...], size: 100, to: replica)
            Issue.record("the copy was accepted")
        } catch let error as UnverifiedRecord {
            #expect(error.sequence == 705, "\(error)")
            #expect(error.reason.contains("already recorded"), "\(error)")
        }
        #expect(try replica.eventCount() == 700)
        // The same batch with a byte of record 760 changed too (its hash no longer holds): the
        // finding is still the earlier record, 705.
        served[759][served[759].count - 70] ^= 0x01
        do {
            _ = try copy(served[700...], size: 100, to: replica)
            Issue.record("the copy was accepted")
        } catch let error as UnverifiedRecord {
            #expect(error.sequence == 705, "\(error)")
        }
        #expect(try replica.eventCount() == 700)
    }

    /// The folds keep each read model's keys between batches; with a bound of 40 keys they
    /// forget all but the batch before at almost every batch (whose writes the snapshot the
    /// next batch is folded on may not hold yet), so both paths are taken.
    @Test(arguments: [VerbatimCopier.defaultCachedKeys, 40])
    func manySmallBatchesMakeTheSameCopyAndReadModelsAsTheReplay(cachedKeys: Int) throws {
        let dir = TemporaryDirectory("copier-honest")
        let (primary, records) = try CopyFixture.primary(in: dir, seed: 23)
        let replica = try CopyFixture.replica(of: primary, in: dir)
        #expect(try copy(records[0..<333], size: 37, to: replica, cachedKeys: cachedKeys) == 333)
        #expect(
            try copy(records[333...], size: 101, to: replica, cachedKeys: cachedKeys) == UInt64(records.count - 333))
        var copied: [[UInt8]] = []
        _ = try replica.forEachStoredRecord(from: 1, limit: .max) { _, stored in copied.append(Array(stored)) }
        #expect(copied == records)
        #expect(try replica.merkleRoot() == primary.merkleRoot())
        // Folded while copying, batch after batch, not left for a later catch-up.
        let status = try replica.readModelStatus()
        #expect(status.allSatisfy { $0.state == .upToDate }, "\(status.map { ($0.model, $0.checkpoint) })")
        let report = try replica.audit(options: AuditOptions(checkSignatures: false))
        #expect(report.passed, "\(report.text)")
        #expect(!report.readModels.isEmpty && report.readModels.allSatisfy(\.matches))
    }

    @Test func aFailureInALaterBatchKeepsTheEarlierOnesAndNothingOfItsOwn() throws {
        let dir = TemporaryDirectory("copier-refused")
        let (primary, records) = try CopyFixture.primary(in: dir, seed: 23)
        let replica = try CopyFixture.replica(of: primary, in: dir)
        // Batches of 100 from 1; a byte of record 457's payload changed (the fifth batch).
        var served = Array(records[0..<800])
        served[456][served[456].count - 70] ^= 0x01
        do {
            _ = try copy(served[...], size: 100, to: replica)
            Issue.record("the copy was accepted")
        } catch let error as UnverifiedRecord {
            #expect(error.sequence == 457, "\(error)")
        }
        #expect(try replica.eventCount() == 400)
        // A later run resumes from the stored head and makes the primary's copy.
        #expect(try copy(records[400...], size: 250, to: replica) == UInt64(records.count - 400))
        #expect(try replica.merkleRoot() == primary.merkleRoot())
        let report = try replica.audit(options: AuditOptions(checkSignatures: false))
        #expect(report.passed && report.readModels.allSatisfy(\.matches), "\(report.text)")
    }
}
