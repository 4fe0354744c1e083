import Domain

/// What the audit's one replay saw at every stored snapshot's position: each read model's
/// delta digest (see `DeltaTrackingStore`) and the business-time watermark, plus the tracker
/// over the log up to the last snapshot — everything `verifySnapshots` compares, so the
/// snapshots need no second replay.
struct SnapshotReplayDigests {
    /// The snapshot positions, ascending; one digest per model and one watermark per position.
    var positions: [UInt64]
    /// Per model name, the delta digest at each position.
    var digests: [String: [String]]
    var watermarks: [LocalDate?]
    var tracker: BusinessTimeTracker
}

/// Follows the business-time watermark along the audit's walk up to the last snapshot,
/// noting it at each snapshot's position.
struct SnapshotWatermarks {
    let positions: [UInt64]
    private var index = 0
    private(set) var tracker = BusinessTimeTracker(watermark: nil)
    private(set) var watermarks: [LocalDate?] = []

    init(positions: [UInt64]) {
        self.positions = positions
    }

    mutating func record(sequence: UInt64, day: LocalDate) {
        guard index < positions.count else { return }
        tracker.record(sequence: sequence, day: day)
        if sequence == positions[index] {
            watermarks.append(tracker.watermark)
            index += 1
        }
    }

    /// The pass's result, or nil when it did not reach every position.
    func result(digests: [String: [String]]) -> SnapshotReplayDigests? {
        guard watermarks.count == positions.count,
            digests.values.allSatisfy({ $0.count == positions.count })
        else { return nil }
        return SnapshotReplayDigests(
            positions: positions, digests: digests, watermarks: watermarks, tracker: tracker)
    }
}
