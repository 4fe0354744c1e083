import Domain
import EventStore
import Foundation
import LMDB
import Projections

/// `--as-of`: business time (events that occurred on or before a date, judged on that date) or
/// recorded time (the ledger as it stood at a sequence, judged today).
public enum AsOf: Sendable, Equatable {
    case date(LocalDate)
    case sequence(UInt64)

    /// Parses `2025-06-30` or `123456`.
    public init?(argument: String) {
        if let date = LocalDate(iso: argument) {
            self = .date(date)
        } else if let sequence = UInt64(argument) {
            self = .sequence(sequence)
        } else {
            return nil
        }
    }

    var cutoff: ReplayCutoff {
        switch self {
        case .date(let date): .occurredOnOrBefore(date)
        case .sequence(let sequence): .sequenceAtMost(sequence)
        }
    }
}

extension LocalDate {
    /// Today's date in UTC (what "judged today" means without `--as-of DATE`).
    public static var today: LocalDate {
        LocalDate(daysSince1970: Int32(Int(Date().timeIntervalSince1970) / 86_400))
    }
}

extension Ledger {
    /// The council's yearly figures (docs/DOMAIN.md, Query names).
    public func councilReport(year: Int, asOf: AsOf? = nil) throws -> CouncilReport {
        try answer(.council, asOf) {
            try CouncilQuery.run(year: year, judgedOn: $1, store: $0)
        } scratch: {
            try CouncilQuery.run(year: year, judgedOn: $1, store: $0)
        }
    }

    /// The school–enterprise committee's figures per pair, optionally for one school or enterprise.
    public func committeeReports(school: String? = nil, enterprise: String? = nil, asOf: AsOf? = nil) throws
        -> [CommitteePairReport]
    {
        try answer(.committee, asOf) {
            try CommitteeQuery.run(school: school, enterprise: enterprise, judgedOn: $1, store: $0)
        } scratch: {
            try CommitteeQuery.run(school: school, enterprise: enterprise, judgedOn: $1, store: $0)
        }
    }

    /// The project-management committee's figures per project.
    public func projectReports(id: String? = nil, asOf: AsOf? = nil) throws -> [ProjectReport] {
        try answer(.project, asOf) {
            try ProjectQuery.run(id: id, judgedOn: $1, store: $0)
        } scratch: {
            try ProjectQuery.run(id: id, judgedOn: $1, store: $0)
        }
    }

    /// The auditors' claims with their flags (docs/DOMAIN.md, Claims), in claim-id order.
    public func claimReports(_ filter: ClaimsQuery.Filter = ClaimsQuery.Filter(), asOf: AsOf? = nil) throws
        -> [ClaimReport]
    {
        try answer(.claims, asOf) { store, _ in
            try ClaimsQuery.run(filter, store: store)
        } scratch: { store, _ in
            try ClaimsQuery.run(filter, store: store)
        }
    }

    /// Answers from the live read model (brought to the head first), or — for `--as-of` — from
    /// the nearest read-model snapshot plus the events up to that point (`snapshotAnswer`).
    /// (Two closures with the same body because the query functions are generic over the store.)
    ///
    /// The usual case — every model already at the head — is one read transaction that checks
    /// the checkpoints and answers; only a lagging or stale model costs a catch-up first (or,
    /// on read-only media, an answer from the snapshots as of the head).
    private func answer<R>(
        _ model: TierModel, _ asOf: AsOf?,
        live: (LMDBProjectionStore, LocalDate) throws -> R,
        scratch: (WriteBackCache<SnapshotView>, LocalDate) throws -> R
    ) throws -> R {
        if let asOf {
            return try snapshotAnswer(model, asOf, scratch)
        }
        let current = try store.read { reader -> R? in
            guard try allModelsAtHead(reader) else { return nil }
            return try live(
                LMDBProjectionStore(transaction: reader.transaction, database: model.database(facade)), .today)
        }
        if let current { return current }
        // A ledger that cannot be written (read-only media) cannot bring its models to the
        // head; the answer then comes from the snapshots and the events after them.
        if store.environment.isReadOnly {
            return try snapshotAnswer(model, .sequence(.max), scratch)
        }
        try catchUp()
        return try store.environment.read { txn in
            try live(LMDBProjectionStore(transaction: txn, database: model.database(facade)), .today)
        }
    }

    /// Whether every read model's checkpoint is the head at the current projector version
    /// (what `catchUp()` would leave alone).
    private func allModelsAtHead(_ reader: LogReader) throws -> Bool {
        let head = try reader.head().sequence
        return try TierModel.allCases.allSatisfy { model in
            let live = LMDBProjectionStore(transaction: reader.transaction, database: model.database(facade))
            return try model.status(in: live) == .resumable(after: head)
        }
    }
}
