import Domain

/// Folds events into one read model held in its own store.
///
/// Projectors see only events (never the rules' state), so each keeps the look-up
/// entities it needs (class → pair, claim → person …) in its own store. `apply` must be
/// deterministic: the audit rebuilds every read model from zero and compares digests with
/// the live one, byte for byte.
public protocol Projector: Sendable {
    /// Stable name; the ledger names the projector's database after it.
    static var name: String { get }
    /// Bumped whenever the key layout or the meaning of a figure changes: a stored read
    /// model with another version is rebuilt from zero.
    static var version: Int { get }

    init()

    /// Applies one event. Events the read model does not use are ignored, not rejected:
    /// the rules already accepted them.
    func apply(_ event: DomainEvent, envelope: EventContext, to store: inout some ProjectionStore) throws
}

/// The read models — the three tiers and the auditors' claims — in the order the ledger opens
/// their databases.
public enum TierProjectors {
    public static let names = [
        CouncilProjector.name, CommitteeProjector.name, ProjectProjector.name, ClaimsProjector.name,
    ]
}
