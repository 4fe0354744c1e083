import EventStore
import LMDB

/// The databases of the read-model snapshots (see docs/TIME-TRAVEL.md), apart from the live
/// read models: derived data the ledger can always rebuild from the log, so none of it is
/// exported and none of it is written in the append transaction.
struct SnapshotDatabases: Sendable {
    /// Every tier's entries, versioned: `model ‖ 0x00 ‖ escaped key ‖ 0x00 0x00 ‖ ~position`
    /// → value, one version per snapshot that changed the entry (`VersionedKey`).
    let versions: Database
    /// Snapshot position (u64 BE) → `SnapshotEntry`; plus the configuration under `0x00 …`.
    let catalog: Database
    /// The business-time index: the watermark steps and the late events (`BusinessTimeIndex`).
    let time: Database

    /// Opens (creates on first use) the three databases; nil on read-only media where an
    /// older ledger never had them (as-of queries then replay from zero).
    static func open(_ environment: Environment) -> SnapshotDatabases? {
        do {
            return SnapshotDatabases(
                versions: try environment.openDatabase(LedgerSchema.Name.snapshotVersions),
                catalog: try environment.openDatabase(LedgerSchema.Name.snapshotCatalog),
                time: try environment.openDatabase(LedgerSchema.Name.snapshotTime))
        } catch {
            return nil
        }
    }

    var all: [Database] { [versions, catalog, time] }
}
