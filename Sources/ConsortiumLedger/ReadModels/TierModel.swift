import Domain
import EventStore
import LMDB
import Projections

/// The read models by name — the three tiers and the auditors' claims — with the database each
/// lives in. Every list of read models (inline, catch-up, replay, digests, audit, export) is
/// driven by these cases.
public enum TierModel: String, CaseIterable, Sendable {
    case council, committee, project, claims

    /// The projector's version; a bump makes the stored model stale until it is rebuilt.
    public var version: Int {
        switch self {
        case .council: CouncilProjector.version
        case .committee: CommitteeProjector.version
        case .project: ProjectProjector.version
        case .claims: ClaimsProjector.version
        }
    }

    func database(_ facade: LedgerSchema) -> Database {
        switch self {
        case .council: facade.council
        case .committee: facade.committee
        case .project: facade.project
        case .claims: facade.claims
        }
    }

    /// The projector's checkpoint and whether its stored version matches.
    func status(in store: some ProjectionStore) throws -> ProjectionStatus {
        switch self {
        case .council: try ProjectionRunner<CouncilProjector>.status(of: store)
        case .committee: try ProjectionRunner<CommitteeProjector>.status(of: store)
        case .project: try ProjectionRunner<ProjectProjector>.status(of: store)
        case .claims: try ProjectionRunner<ClaimsProjector>.status(of: store)
        }
    }

    /// Folds one event into this model's store: what snapshots and `--as-of` answers replay
    /// (one model at a time, so a query folds only the model it answers from).
    func apply(_ event: DomainEvent, _ context: EventContext, to store: inout some ProjectionStore) throws {
        switch self {
        case .council: try CouncilProjector().apply(event, envelope: context, to: &store)
        case .committee: try CommitteeProjector().apply(event, envelope: context, to: &store)
        case .project: try ProjectProjector().apply(event, envelope: context, to: &store)
        case .claims: try ClaimsProjector().apply(event, envelope: context, to: &store)
        }
    }

    /// The model's store in a replayer.
    func store(in replayer: Replayer) -> InMemoryProjectionStore {
        switch self {
        case .council: replayer.council
        case .committee: replayer.committee
        case .project: replayer.project
        case .claims: replayer.claims
        }
    }
}
