import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LMDB
import LedgerTesting
import Projections
import Testing

/// The audit of a ledger long enough for its multi-threaded pass (at least two 4,096-event
/// chunks): rules on one worker, read-model folds on two more, chain and Merkle on the caller.
@Suite("Audit on several threads")
struct ParallelAuditTests {
    static let events = 9_000

    /// A ledger with a generated history and, last, one resolution whose title marks its record.
    private func ledger(in dir: TemporaryDirectory) throws -> Ledger {
        let file = try GeneratedHistory.write(events: Self.events, seed: 5, in: dir)
        let ledger = try Ledger.create(path: dir.file("ledger"))
        _ = try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 2_000))
        let line =
            #"{"id":"last-resolution","type":"CouncilResolutionPassed","occurredAt":"2026-01-02","actor":"gov-001","data":{"resolutionId":"R-LAST","title":"Marker resolution LASTONE"}}"#
        _ = try ledger.append([ImportLine.parse(json: line)])
        return ledger
    }

    @Test func aCleanLongLedgerPassesEveryCheck() throws {
        let dir = TemporaryDirectory("parallel-audit-clean")
        let report = try ledger(in: dir).audit(options: AuditOptions(checkSignatures: false))
        #expect(report.passed, "\(report.text)")
        #expect(report.rulesChecked == UInt64(Self.events + 1))
        #expect(report.chainVerified == UInt64(Self.events + 1))
        let models = report.readModels
        #expect(models.count == TierModel.allCases.count && models.allSatisfy(\.matches))
    }

    @Test func aLiveReadModelThatDiffersFromTheReplayFails() throws {
        let dir = TemporaryDirectory("parallel-audit-model")
        let path: String
        do {
            let ledger = try ledger(in: dir)
            path = ledger.path
        }
        // A stray entry in the live council model, its checkpoint left as it was.
        do {
            let env = try Environment(path: path)
            let council = try env.openDatabase(LedgerSchema.Name.council, create: false)
            try env.write { txn in try txn.put(council, Array("Zstray".utf8), [1]) }
        }
        let report = try Ledger(path: path).audit(options: AuditOptions(checkSignatures: false))
        #expect(!report.passed)
        #expect(report.failure?.check == "read model council", "\(report.text)")
        #expect(report.readModels.first { $0.model == .council }?.matches == false)
        let others = report.readModels.filter { $0.model != .council }
        #expect(others.count == TierModel.allCases.count - 1 && others.allSatisfy(\.matches))
    }

    @Test func aFlippedByteLateInTheLogIsNamedBySequence() throws {
        let dir = TemporaryDirectory("parallel-audit-flip")
        let path: String
        do {
            let ledger = try ledger(in: dir)
            path = ledger.path
        }
        #expect(try LedgerTampering.flipByte(of: "Marker resolution LASTONE", ledger: path))
        let report = try Ledger(path: path).audit(options: AuditOptions(checkSignatures: false))
        #expect(!report.passed)
        #expect(report.failure?.sequence == UInt64(Self.events + 1), "\(report.text)")
        #expect(report.failure?.check == "hash chain", "\(report.text)")
    }
}
