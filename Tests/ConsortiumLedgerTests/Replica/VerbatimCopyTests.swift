import Audit
import ConsortiumLedger
import EventStore
import Foundation
import LedgerTesting
import Testing

/// A mirror's store path (`Ledger.appendVerbatim`): the primary's stored records, framed as
/// `GET /v1/feed` sends them to a mirror, are verified one by one and stored byte for byte;
/// a record that fails any check stops the batch with its sequence and nothing written.
@Suite("Verbatim copies of a primary's records")
struct VerbatimCopyTests {

    private func append(_ records: ArraySlice<[UInt8]>, to ledger: Ledger) throws -> UInt64 {
        try CopyFixture.frames(records).withUnsafeBytes { try ledger.appendVerbatim(frames: $0, count: records.count) }
    }

    /// The error a batch is refused with (nil if it was stored).
    private func refusal(_ records: ArraySlice<[UInt8]>, _ ledger: Ledger) -> UnverifiedRecord? {
        do {
            _ = try append(records, to: ledger)
            return nil
        } catch let error as UnverifiedRecord {
            return error
        } catch {
            Issue.record("expected UnverifiedRecord, got \(error)")
            return nil
        }
    }

    @Test func anHonestCopyIsByteIdenticalAndPassesTheAudit() throws {
        let dir = TemporaryDirectory("verbatim-honest")
        let (primary, records) = try CopyFixture.primary(in: dir, seed: 11)
        let replica = try CopyFixture.replica(of: primary, in: dir)
        // Three batches of uneven size, as a resumed mirror would store them.
        #expect(try append(records[0..<1], to: replica) == 1)
        #expect(try append(records[1..<700], to: replica) == 699)
        #expect(try append(records[700...], to: replica) == UInt64(records.count - 700))
        var copied: [[UInt8]] = []
        _ = try replica.forEachStoredRecord(from: 1, limit: .max) { _, stored in copied.append(Array(stored)) }
        #expect(copied == records)
        #expect(try replica.merkleRoot() == primary.merkleRoot())
        // The read models were folded while copying: the audit's replay must agree with them.
        let report = try replica.audit(options: AuditOptions(checkSignatures: false))
        #expect(report.passed, "\(report.text)")
        #expect(!report.readModels.isEmpty && report.readModels.allSatisfy(\.matches))
        // A record already held is not stored twice.
        #expect(refusal(records[1499...], replica)?.sequence == 1501)
    }

    @Test func aRecordFailingAnyCheckStopsTheBatchWithItsSequence() throws {
        let dir = TemporaryDirectory("verbatim-refused")
        let (primary, records) = try CopyFixture.primary(in: dir, seed: 11)
        let replica = try CopyFixture.replica(of: primary, in: dir)
        _ = try append(records[0..<100], to: replica)

        // A byte of record 137's payload changed, its stored hash left as it was.
        var flipped = Array(records[100..<300])
        flipped[36][flipped[36].count - 70] ^= 0x01
        #expect(refusal(flipped[...], replica)?.sequence == 137)

        // Record 200 left out: record 201 arrives where 200 belongs.
        var gap = Array(records[100..<300])
        gap.remove(at: 99)
        #expect(refusal(gap[...], replica)?.sequence == 200)

        // A record whose hash is whole but whose previous hash is not this copy's head.
        var foreign = Array(records[100..<300])
        foreign[20] =
            CopyFixture.relinked(foreign[20], previous: Hash.digest(UnsafeRawBufferPointer(start: nil, count: 0))).0
        #expect(refusal(foreign[...], replica)?.sequence == 121)

        // Record 250's type renamed and every later hash recomputed, so the chain is whole:
        // its payload no longer decodes as any event type.
        var renamed = Array(records[100..<300])
        let typeOffset = try renamed[149].withUnsafeBytes { stored in
            let view = try RecordView(stored: stored)
            return try #require(view.typeUTF8.baseAddress) - #require(stored.baseAddress)
        }
        renamed[149][typeOffset] = UInt8(ascii: "Z")
        var previous = try #require(Hash(bytes: records[248].suffix(32)))  // sequence 249's hash
        for index in 149..<renamed.count {
            (renamed[index], previous) = CopyFixture.relinked(renamed[index], previous: previous)
        }
        let undecodable = refusal(renamed[...], replica)
        #expect(undecodable?.sequence == 250)
        #expect(undecodable?.reason.contains("does not decode") == true, "\(String(describing: undecodable))")

        // Nothing of the refused batches was written; the honest records still go in.
        #expect(try replica.eventCount() == 100)
        #expect(try append(records[100...], to: replica) == UInt64(records.count - 100))
        #expect(try replica.merkleRoot() == primary.merkleRoot())
    }
}
