import Domain
import EventStore
import LMDB
import Projections

extension Ledger {
    /// The audit's snapshot step: replays the log from zero and, at every stored snapshot,
    /// checks that what the snapshot stores is exactly what changed in the replayed read models
    /// since the previous one — the stored versions rehashed, the catalog's digests, the chained
    /// whole-model digest — and that the business-time index is the one the log gives.
    /// By induction every snapshot then reads as the replay at its position.
    /// - Parameter storedDigests: the stored versions' delta digests, computed beforehand on
    ///   another transaction over the same snapshot (`storedDeltaDigests(seenBy:)`); nil: here.
    func verifySnapshots(
        in reader: LogReader, report: inout AuditReport, replayed: SnapshotReplayDigests? = nil,
        storedDigests: [SnapshotKey: String]? = nil
    ) throws {
        guard let databases = snapshots else { return }
        let txn = reader.transaction
        let entries = try SnapshotCatalog(transaction: txn, database: databases.catalog).all()
        let index = BusinessTimeIndex(transaction: txn, database: databases.time)
        guard !entries.isEmpty, try index.matchesModels() else { return }
        // The audit's own pass took the deltas at exactly these positions, or they are folded here.
        let replayed = replayed.flatMap { $0.positions == entries.map(\.position) ? $0 : nil }
        report.snapshotsReplayedSeparately = replayed == nil
        let models = TierModel.allCases
        var stored = try storedDigests ?? storedDeltaDigests(txn, databases)
        var bases = models.map { _ in InMemoryProjectionStore() }
        var tracker = replayed?.tracker ?? BusinessTimeTracker(watermark: nil)
        var after: UInt64 = 0
        var previous: SnapshotEntry?
        for (number, entry) in entries.enumerated() {
            let digests: [String]
            let watermark: LocalDate?
            if let replayed {
                digests = models.map { replayed.digests[$0.rawValue]?[number] ?? "" }
                watermark = replayed.watermarks[number]
            } else {
                let deltas = try foldInterval(
                    reader, from: after + 1, through: entry.position, bases: bases, tracker: &tracker)
                for (slot, delta) in deltas.enumerated() {
                    for change in delta.entries { try bases[slot].put(change.key, change.value) }
                }
                digests = deltas.map(\.digest)
                watermark = tracker.watermark
            }
            for (model, digest) in zip(models, digests) {
                let name = model.rawValue
                let storedDigest =
                    stored.removeValue(forKey: SnapshotKey(model: name, position: entry.position))
                    ?? SnapshotFold<InMemoryProjectionStore>.digest([])
                let chained = SnapshotFold<InMemoryProjectionStore>.chained(
                    previous?.delta(of: name)?.digest ?? "", digest)
                guard let recorded = entry.delta(of: name), recorded.deltaDigest == digest,
                    storedDigest == digest, recorded.digest == chained
                else {
                    report.failure = AuditFailure(
                        entry.position, "snapshot \(name) at \(entry.position)",
                        "the stored snapshot differs from a replay from genesis (stored versions \(storedDigest.prefix(12))…, "
                            + "catalog \(entry.delta(of: name)?.deltaDigest.prefix(12) ?? "none")…, replay \(digest.prefix(12))…)"
                    )
                    return
                }
            }
            guard entry.watermark == watermark else {
                report.failure = AuditFailure(
                    entry.position, "snapshot at \(entry.position)",
                    "its business-time watermark differs from the log's")
                return
            }
            report.snapshotsVerified += 1
            after = entry.position
            previous = entry
        }
        if let orphan = stored.keys.min(by: { $0.position < $1.position }) {
            report.failure = AuditFailure(
                orphan.position, "snapshot \(orphan.model) at \(orphan.position)",
                "stored versions belong to no catalogued snapshot")
            return
        }
        try compareIndex(index, with: tracker, report: &report)
    }

    /// The positions of the stored snapshots the audit will verify, ascending (none when there
    /// are none or the business-time index was built for other read models): where the audit's
    /// replay takes its deltas.
    func snapshotPositionsToVerify(in reader: LogReader) throws -> [UInt64] {
        guard let databases = snapshots else { return [] }
        let txn = reader.transaction
        guard try BusinessTimeIndex(transaction: txn, database: databases.time).matchesModels() else { return [] }
        let positions = try SnapshotCatalog(transaction: txn, database: databases.catalog).all().map(\.position)
        guard zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }), positions.first ?? 1 > 0 else { return [] }
        return positions
    }

    /// Folds one interval over the replayed models (the fold, and its references to `bases`,
    /// end here, so the caller changes the bases in place rather than copying them).
    private func foldInterval(
        _ reader: LogReader, from lower: UInt64, through upper: UInt64, bases: [InMemoryProjectionStore],
        tracker: inout BusinessTimeTracker
    ) throws -> [SnapshotFold<InMemoryProjectionStore>.Delta] {
        var fold = SnapshotFold(bases: bases)
        try forEachEvent(in: reader, from: lower, through: upper) { event, context in
            try fold.apply(event, context)
            tracker.record(sequence: context.sequence, day: context.occurredOn)
            return true
        }
        return try fold.deltas()
    }

    struct SnapshotKey: Hashable, Sendable {
        var model: String
        var position: UInt64
    }

    /// `storedDeltaDigests` in a read transaction of its own, for a caller that goes on with
    /// other work meanwhile; nil when there are no snapshots or when that transaction does not
    /// see the snapshot `snapshotId` (a write committed in between): the caller then computes
    /// them in its own transaction.
    func storedDeltaDigests(seenBy snapshotId: Int) throws -> [SnapshotKey: String]? {
        guard let databases = snapshots else { return nil }
        return try store.environment.read { txn in
            guard txn.id == snapshotId else { return nil }
            return try storedDeltaDigests(txn, databases)
        }
    }

    /// Every (model, snapshot) delta digest recomputed from the stored versions, in one walk.
    func storedDeltaDigests(_ txn: Transaction, _ databases: SnapshotDatabases) throws -> [SnapshotKey: String] {
        var hashers: [SnapshotKey: FramedDigest] = [:]
        try txn.withCursor(databases.versions) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let stem = VersionedKey.stemBytes(of: e.key)
                let modelLength = (stem.firstIndex(of: 0) ?? stem.endIndex) - stem.startIndex
                let model = String(decoding: UnsafeRawBufferPointer(rebasing: stem.prefix(modelLength)), as: UTF8.self)
                let key = VersionedKey.key(ofStem: stem, modelPrefixLength: modelLength + 1)
                hashers[
                    SnapshotKey(model: model, position: VersionedKey.position(of: e.key)),
                    default: FramedDigest(blockBytes: 4096)
                ]
                .add(key: key, value: e.value)
                entry = try cursor.next()
            }
        }
        return hashers.mapValues { $0.hex() }
    }

    private func compareIndex(_ index: BusinessTimeIndex, with tracker: BusinessTimeTracker, report: inout AuditReport)
        throws
    {
        let steps = tracker.steps.map {
            (BusinessTimeIndex.stepKey($0.day), BusinessTimeIndex.sequenceBytes($0.sequence))
        }
        let late = tracker.late.map { (BusinessTimeIndex.lateKey($0.sequence), BusinessTimeIndex.dayBytes($0.day)) }
        let matches = { (a: [([UInt8], [UInt8])], b: [([UInt8], [UInt8])]) in
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        }
        let storedSteps = try index.entries(tag: BusinessTimeIndex.stepTag)
        let storedLate = try index.entries(tag: BusinessTimeIndex.lateTag)
        if !matches(steps, storedSteps) || !matches(late, storedLate) {
            report.failure = AuditFailure(
                nil, "business-time index", "the stored watermark steps or late events differ from the log's")
        }
    }
}
