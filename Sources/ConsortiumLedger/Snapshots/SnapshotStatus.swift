import Domain
import Foundation
import LMDB

/// What `ledger projections status` reports about the read-model snapshots.
public struct SnapshotStatus: Sendable {
    /// Stored snapshots and the positions of the first and last.
    public var count = 0
    public var firstPosition: UInt64?
    public var lastPosition: UInt64?
    /// Month ends covered by a snapshot, and the first and last of them.
    public var monthEnds = 0
    public var firstMonthEnd: LocalDate?
    public var lastMonthEnd: LocalDate?
    /// Events between sequence snapshots.
    public var interval: UInt64 = BusinessTimeIndex.defaultInterval
    public var head: UInt64 = 0
    /// Stored key versions over all snapshots and tiers.
    public var versions = 0
    /// Pages of the snapshot databases (versions, catalog, business-time index), in bytes.
    public var bytes = 0
    /// The ledger's data file, in bytes (the share above is of this).
    public var ledgerBytes = 0
    public var watermarkSteps = 0
    public var lateEvents = 0
    /// False when the snapshots were folded by other read-model versions (rewritten on the next write).
    public var current = true

    /// Events after the last snapshot, which an as-of answer folds on top of it at most.
    public var unsnapshotted: UInt64 { head - min(lastPosition ?? 0, head) }
    /// The snapshots' share of the ledger's data file.
    public var share: Double { ledgerBytes > 0 ? Double(bytes) / Double(ledgerBytes) : 0 }
}

extension Ledger {
    /// The read-model snapshots: how many, which range, how much storage.
    public func snapshotStatus() throws -> SnapshotStatus {
        var status = SnapshotStatus()
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/data.mdb")
        status.ledgerBytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard let databases = snapshots else { return status }
        try store.read { reader in
            let txn = reader.transaction
            status.head = try reader.head().sequence
            let index = BusinessTimeIndex(transaction: txn, database: databases.time)
            status.interval = try index.interval()
            status.current = try index.matchesModels()
            let entries = try SnapshotCatalog(transaction: txn, database: databases.catalog).all()
            status.count = entries.count
            status.firstPosition = entries.first?.position
            status.lastPosition = entries.last?.position
            let ends = entries.flatMap(\.monthEnds)
            status.monthEnds = ends.count
            status.firstMonthEnd = ends.min()
            status.lastMonthEnd = ends.max()
            status.versions = try txn.count(databases.versions)
            status.bytes = try databases.all.reduce(0) { $0 + (try txn.pageBytes($1)) }
            status.watermarkSteps = try index.entries(tag: BusinessTimeIndex.stepTag).count
            status.lateEvents = try index.entries(tag: BusinessTimeIndex.lateTag).count
        }
        return status
    }

    /// Every stored snapshot's catalog entry (position, watermark, per-model digests), oldest first.
    public func snapshotEntries() throws -> [SnapshotEntry] {
        guard let databases = snapshots else { return [] }
        return try store.read { reader in
            try SnapshotCatalog(transaction: reader.transaction, database: databases.catalog).all()
        }
    }
}
