import LMDB

/// Every named database of a ledger's LMDB environment: the one place the storage layout is
/// declared (see docs/DESIGN.md, Storage). The event log uses `events`, `streams`, `ids` and `meta`; the facade keeps
/// its rule state, Merkle tree and read models in the others, written in the append transaction.
package struct LedgerSchema: Sendable {
    /// The database names as they appear in the environment (for tools that open it raw).
    package enum Name {
        package static let events = "events"
        package static let streams = "streams"
        /// Retired in format 2 (a stream's head is its last entry in `streams`); a format-1
        /// ledger's is dropped when it is first opened for writing.
        package static let retiredHeads = "heads"
        package static let ids = "ids"
        package static let meta = "meta"
        package static let rules = "rules"
        package static let merkleNodes = "merkle"
        package static let checkpoints = "checkpoints"
        package static let state = "state"
        package static let council = "projection.council"
        package static let committee = "projection.committee"
        package static let project = "projection.project"
        package static let claims = "projection.claims"
        /// Read-model snapshots for as-of queries (opened by the facade, and only where the
        /// medium is writable: derived data, rebuilt from the log; see docs/TIME-TRAVEL.md).
        package static let snapshotVersions = "snapshot.versions"
        package static let snapshotCatalog = "snapshot.catalog"
        package static let snapshotTime = "snapshot.time"
    }

    /// sequence (u64 BE) → stored record.
    package let events: Database
    /// stream ‖ 0x00 ‖ version (u64 BE) → sequence (u64 BE).
    package let streams: Database
    /// event id → sequence (u64 BE), for idempotent re-sends.
    package let ids: Database
    /// format version, ledger id, genesis hash, creator, settings.
    package let meta: Database
    /// Rule state (members, agreements, classes, claims …), keyed by the domain's entity keys.
    package let rules: Database
    /// Merkle nodes: (level, index) → hash, for O(log n) proofs.
    package let merkleNodes: Database
    /// Signed checkpoints: tree size (u64 BE) → checkpoint note.
    package let checkpoints: Database
    /// Facade state: the Merkle accumulator, projector checkpoints and versions.
    package let state: Database
    /// One database per tier read model.
    package let council: Database
    package let committee: Database
    package let project: Database
    /// The auditors' claims read model (骗补 checks).
    package let claims: Database

    init(environment: Environment) throws {
        events = try environment.openDatabase(Name.events)
        streams = try environment.openDatabase(Name.streams)
        ids = try environment.openDatabase(Name.ids)
        meta = try environment.openDatabase(Name.meta)
        rules = try environment.openDatabase(Name.rules)
        merkleNodes = try environment.openDatabase(Name.merkleNodes)
        checkpoints = try environment.openDatabase(Name.checkpoints)
        state = try environment.openDatabase(Name.state)
        council = try environment.openDatabase(Name.council)
        committee = try environment.openDatabase(Name.committee)
        project = try environment.openDatabase(Name.project)
        claims = try environment.openDatabase(Name.claims)
    }
}

/// Key of one stream entry: the stream name, a NUL separator and the big-endian version.
struct StreamKey: LMDBBytes {
    let stream: String
    let version: UInt64

    func withLMDBBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var key = Array(stream.utf8)
        key.append(0)
        withUnsafeBytes(of: version.bigEndian) { key.append(contentsOf: $0) }
        return try key.withUnsafeBytes(body)
    }
}
