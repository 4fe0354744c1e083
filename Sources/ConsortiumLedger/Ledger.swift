import EventStore
import LMDB

/// A consortium ledger: the event log plus everything that is kept in step with it in the
/// same LMDB transaction (rule state, Merkle tree, tier read models).
///
/// Open one per process and share it: `let ledger = try Ledger(path: "consortium.ledger")`.
public final class Ledger: Sendable {
    /// The storage underneath; reached only through the facade's methods.
    let store: EventStore
    public let path: String
    /// The databases the facade writes beside the log (the schema EventStore declares).
    var facade: LedgerSchema { store.dbs }
    /// The read-model snapshots behind `--as-of` (nil only on read-only media without them).
    let snapshots: SnapshotDatabases?
    /// Whether every event must carry a member signature (chosen at `create`).
    public let requiresSignatures: Bool

    /// Opens an existing ledger.
    public convenience init(path: String) throws {
        try self.init(path: path, store: try EventStore(path: path))
    }

    init(path: String, store: EventStore) throws {
        self.path = path
        self.store = store
        snapshots = SnapshotDatabases.open(store.environment)
        requiresSignatures = try store.setting("requireSignatures") == "true"
    }

    /// Creates a new ledger directory; fails if one already exists there. `ledgerId` is given
    /// only by a restore: the genesis hash derives from it, so the same id reproduces every hash.
    public static func create(
        path: String, requireSignatures: Bool = false, creator: String = "ledger", ledgerId: String? = nil
    ) throws -> Ledger {
        if (try? EventStore(path: path)) != nil {
            throw LedgerError(.alreadyExists, "a ledger already exists at \(path)")
        }
        let store = try EventStore.create(
            path: path, ledgerId: ledgerId, creator: creator,
            settings: ["requireSignatures": requireSignatures ? "true" : "false"])
        try createSigningKey(at: path, ledgerId: store.ledgerId)
        return try Ledger(path: path, store: store)
    }

    /// Walks the hash chain from genesis; see `LogReader.verifyChain`.
    public func verifyChain(progress: ((UInt64) -> Void)? = nil) throws -> ChainReport {
        try store.read { try $0.verifyChain(progress: progress) }
    }

    /// Stable identity of this ledger, chosen at `create` (kept by a restore).
    public var ledgerId: String { store.ledgerId }

    /// The number of recorded events.
    public func eventCount() throws -> UInt64 { try store.head().sequence }
}
