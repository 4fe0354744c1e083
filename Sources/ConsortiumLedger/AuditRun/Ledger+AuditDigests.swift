import Dispatch
import EventStore
import LMDB
import Projections

extension Ledger {
    /// The audit's last step: each replayed read model's digest against the live one.
    ///
    /// The replayed digests are computed on other threads while this one hashes the live models:
    /// the live ones go through this thread's read transaction, which LMDB ties to it.
    func compareReadModels(replay: inout Replayer, reader: LogReader, report: inout AuditReport) throws {
        try replay.finish()
        let replayed = BackgroundResult { [replay] in try replay.digests() }
        let txn = reader.transaction
        let stored = TierModel.allCases.map { LMDBProjectionStore(transaction: txn, database: $0.database(facade)) }
        if let finding = try FigureRanges.check(council: stored[0], committee: stored[1], project: stored[2]).first,
            report.failure == nil
        {
            report.failure = AuditFailure(
                nil, "read model \(finding.model)", "a stored figure is out of range: \(finding)",
                ruleCode: .amountOverflow)
        }
        var live: [TierModel: String] = [:]
        for model in TierModel.allCases {
            live[model] = try ReadModelDigest.compute(
                store: LMDBProjectionStore(transaction: txn, database: model.database(facade)))
        }
        let mine = try replayed.wait()
        for model in TierModel.allCases {
            let theirs = live[model] ?? ""
            let ours: String
            switch model {
            case .council: ours = mine.council
            case .committee: ours = mine.committee
            case .project: ours = mine.project
            case .claims: ours = mine.claims
            }
            report.readModels.append(.init(model: model, live: theirs, replayed: ours))
            if theirs != ours && report.failure == nil {
                report.failure = AuditFailure(
                    nil, "read model \(model.rawValue)",
                    "the live read model's digest differs from a replay from genesis")
            }
        }
    }
}
