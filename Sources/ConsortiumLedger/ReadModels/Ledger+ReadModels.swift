import Domain
import EventStore
import LMDB
import Projections

/// Where one tier read model stands against the log.
public struct ReadModelStatus: Sendable {
    public enum State: String, Sendable {
        case upToDate = "up to date"
        case lagging
        case needsRebuild = "needs rebuild"
    }
    public var model: TierModel
    public var checkpoint: UInt64
    public var head: UInt64
    public var storedVersion: Int?
    public var version: Int
    public var state: State
    public var lag: UInt64 { head > checkpoint ? head - checkpoint : 0 }
}

extension Ledger {
    /// Each read model's checkpoint, lag and version.
    public func readModelStatus() throws -> [ReadModelStatus] {
        try store.read { reader in
            let head = try reader.head().sequence
            return try TierModel.allCases.map { model in
                let live = LMDBProjectionStore(transaction: reader.transaction, database: model.database(facade))
                let checkpoint = try ProjectionCheckpoint.read(from: live)
                switch try model.status(in: live) {
                case .needsRebuild(let stored):
                    return ReadModelStatus(
                        model: model, checkpoint: checkpoint?.sequence ?? 0, head: head, storedVersion: stored,
                        version: model.version, state: .needsRebuild)
                case .resumable(let after):
                    return ReadModelStatus(
                        model: model, checkpoint: after, head: head, storedVersion: checkpoint?.version,
                        version: model.version, state: after == head ? .upToDate : .lagging)
                }
            }
        }
    }

    /// Rebuilds read models from zero: replays the log into memory (binary payloads only),
    /// then replaces each model's database in one write transaction.
    public func rebuild(_ models: [TierModel] = TierModel.allCases, progress: ((UInt64) -> Void)? = nil) throws {
        let replayer = try replay(progress: progress)
        try store.environment.write { txn in
            for model in models {
                let database = model.database(facade)
                try txn.clear(database)
                try model.store(in: replayer).forEach(prefix: []) { key, value in
                    try txn.put(database, key, value, flags: .append)
                }
            }
        }
        try catchUp()
    }

    /// Brings every read model to the head: a stale version is rebuilt, a lagging one folds the
    /// events after its checkpoint. Cheap when everything is current (one read transaction).
    public func catchUp() throws {
        let statuses = try readModelStatus()
        if statuses.contains(where: { $0.state == .needsRebuild }) {
            try rebuild(statuses.filter { $0.state == .needsRebuild }.map(\.model))
            return
        }
        guard statuses.contains(where: { $0.state == .lagging }) else { return }
        try store.write { writer in
            let reader = writer.reader
            try foldLagging(CouncilProjector.self, facade.council, reader)
            try foldLagging(CommitteeProjector.self, facade.committee, reader)
            try foldLagging(ProjectProjector.self, facade.project, reader)
            try foldLagging(ClaimsProjector.self, facade.claims, reader)
        }
    }

    private func foldLagging<P: Projector>(_: P.Type, _ database: Database, _ reader: LogReader) throws {
        let live = LMDBProjectionStore(transaction: reader.transaction, database: database)
        guard case .resumable(let after) = try ProjectionRunner<P>.status(of: live) else { return }
        var cache = WriteBackCache(base: live)
        var events: [(DomainEvent, EventContext)] = []
        try forEachEvent(in: reader, from: after + 1) { event, context in
            events.append((event, context))
            return true
        }
        guard !events.isEmpty else { return }
        try ProjectionRunner<P>().apply(events, to: &cache)
        var base = live
        try cache.flush(into: &base)
    }

    /// SHA-256 digests of the live read models (what the audit compares with a replay).
    public func liveDigests() throws -> ReadModelDigests {
        try store.environment.read { txn in
            ReadModelDigests(
                council: try ReadModelDigest.compute(
                    store: LMDBProjectionStore(transaction: txn, database: facade.council)),
                committee: try ReadModelDigest.compute(
                    store: LMDBProjectionStore(transaction: txn, database: facade.committee)),
                project: try ReadModelDigest.compute(
                    store: LMDBProjectionStore(transaction: txn, database: facade.project)),
                claims: try ReadModelDigest.compute(
                    store: LMDBProjectionStore(transaction: txn, database: facade.claims)))
        }
    }
}
