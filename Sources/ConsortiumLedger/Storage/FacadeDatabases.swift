import LMDB

/// The databases the facade keeps beside the event log, all written in the append transaction.
struct FacadeDatabases: Sendable {
    /// Rule state (members, agreements, classes, claims …), keyed by the domain's entity keys.
    let rules: Database
    /// Merkle nodes: (level, index) → hash, for O(log n) proofs.
    let merkleNodes: Database
    /// Signed checkpoints: tree size (u64 BE) → checkpoint note.
    let checkpoints: Database
    /// Facade state: the Merkle accumulator, projector checkpoints and versions.
    let state: Database
    /// One database per tier read model.
    let council: Database
    let committee: Database
    let project: Database
    /// The auditors' claims read model (骗补 checks).
    let claims: Database

    init(environment: Environment) throws {
        rules = try environment.openDatabase("rules")
        merkleNodes = try environment.openDatabase("merkle")
        checkpoints = try environment.openDatabase("checkpoints")
        state = try environment.openDatabase("state")
        council = try environment.openDatabase("projection.council")
        committee = try environment.openDatabase("projection.committee")
        project = try environment.openDatabase("projection.project")
        claims = try environment.openDatabase("projection.claims")
    }
}
