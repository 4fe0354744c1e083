import Domain

/// Folds events into the read models on three worker threads while the caller decodes the next
/// events: replay's costs (reading and decoding records, the council fold, the committee and
/// project folds, the claims fold) are of similar size, so they overlap rather than add up.
///
/// Events are handed over in chunks; the council model is folded on one worker, the committee
/// and project models on a second, the claims model on a third (the models share nothing).
/// Why three on two cores: with committee, project and claims on one worker that worker took
/// 1.7 times the council's time and bounded the replay while the cores idled a fifth of it;
/// three even shares and the decoding thread keep both cores busy. Use from one
/// thread: `append` every event in log order, then `finish()` once. (A struct, not a class:
/// `append` runs per event, and a class's stored properties would pay a dynamic exclusivity
/// check on every call; copies share the workers, so keep to one.)
public struct ReplayPipeline {
    /// A worker's state when it folds one read model (the council's, the claims').
    struct Single: Sendable {
        var store: DeltaTrackingStore
        var cuts: BoundaryCuts
    }

    struct Pair: Sendable {
        var committee: DeltaTrackingStore
        var project: DeltaTrackingStore
        var cuts: BoundaryCuts
    }

    static let chunkSize = 4096

    private let council: FoldWorker<Single>
    private let others: FoldWorker<Pair>
    private let claims: FoldWorker<Single>
    private var chunk: [(DomainEvent, EventContext)] = []
    private var lastSequence: UInt64 = 0
    private var appliedCount = 0
    /// After `finish()`: per read model (by projector name), the digest of what changed in it
    /// between consecutive boundaries given to `init(expectedEvents:deltasAt:)`, one per
    /// boundary reached, in order (see `DeltaTrackingStore`).
    public private(set) var deltaDigests: [String: [String]] = [:]

    /// - Parameters:
    ///   - expectedEvents: how many events will probably be appended (the log's length), so
    ///     the stores are sized once instead of growing by doubling; a guess is fine.
    ///   - boundaries: ascending sequences after which to take each model's delta digest
    ///     (the stored snapshots the audit verifies in the same pass); none by default.
    public init(expectedEvents: Int = 0, deltasAt boundaries: [UInt64] = []) {
        // Generator data has ~0.16 council, ~0.23 committee and ~0.003 project keys per event.
        // Reserving a little under that lands on the table size growth would reach (reserving
        // more doubles the table, and probes miss the cache more often than a resize costs).
        let events = min(max(expectedEvents, 0), 1 << 26)
        self.init(
            council: InMemoryProjectionStore(minimumCapacity: events / 8),
            committee: InMemoryProjectionStore(minimumCapacity: events / 8),
            project: InMemoryProjectionStore(minimumCapacity: events / 512),
            claims: InMemoryProjectionStore(minimumCapacity: events / 64),
            boundaries: boundaries, lastSequence: 0, appliedCount: 0)
    }

    /// Folds on from where `replayer` stands (its stores, last sequence and count).
    init(continuing replayer: Replayer) {
        self.init(
            council: replayer.council, committee: replayer.committee, project: replayer.project,
            claims: replayer.claims, boundaries: [], lastSequence: replayer.lastSequence,
            appliedCount: replayer.appliedCount)
    }

    private init(
        council councilStore: InMemoryProjectionStore, committee: InMemoryProjectionStore,
        project: InMemoryProjectionStore, claims: InMemoryProjectionStore, boundaries: [UInt64],
        lastSequence: UInt64, appliedCount: Int
    ) {
        let committeeProjector = CommitteeProjector()
        let projectProjector = ProjectProjector()
        self.lastSequence = lastSequence
        self.appliedCount = appliedCount
        let track = !boundaries.isEmpty
        council = Self.singleModelWorker(
            CouncilProjector(), label: "replay.council", store: councilStore, boundaries: boundaries)
        let pair = Pair(
            committee: DeltaTrackingStore(committee, tracking: track),
            project: DeltaTrackingStore(project, tracking: track), cuts: BoundaryCuts(boundaries, models: 2))
        others = FoldWorker(label: "replay.committee-project", state: pair) { pair, chunk in
            for (event, context) in chunk {
                try committeeProjector.apply(event, envelope: context, to: &pair.committee)
                try projectProjector.apply(event, envelope: context, to: &pair.project)
                if context.sequence == pair.cuts.next {
                    pair.cuts.record([pair.committee.takeDeltaDigest(), pair.project.takeDeltaDigest()])
                    let track = !pair.cuts.done
                    pair.committee.tracking = track
                    pair.project.tracking = track
                }
            }
        }
        self.claims = Self.singleModelWorker(
            ClaimsProjector(), label: "replay.claims", store: claims, boundaries: boundaries)
        chunk.reserveCapacity(Self.chunkSize)
    }

    /// Queues one event; folding errors surface from `finish()`.
    public mutating func append(_ event: DomainEvent, _ context: EventContext) {
        chunk.append((event, context))
        lastSequence = context.sequence
        appliedCount += 1
        if chunk.count == Self.chunkSize { handOver() }
    }

    /// Waits for the workers and returns the read models, finished (checkpoints written at
    /// the last sequence appended, indexes sorted for queries — on the workers, in parallel).
    public mutating func finish() throws -> Replayer {
        handOver()
        let last = lastSequence
        // In place (`base` is written through, never copied out first: a copy would duplicate
        // the whole dictionary on the first write), and on every worker at once: sorting the
        // indexes is most of this.
        others.submitLast { pair in
            try ProjectionCheckpoint(sequence: last, version: CommitteeProjector.version).write(
                to: &pair.committee.base)
            try ProjectionCheckpoint(sequence: last, version: ProjectProjector.version).write(to: &pair.project.base)
            pair.committee.base.sortIndex()
            pair.project.base.sortIndex()
        }
        claims.submitLast { side in
            try ProjectionCheckpoint(sequence: last, version: ClaimsProjector.version).write(to: &side.store.base)
            side.store.base.sortIndex()
        }
        council.submitLast { side in
            try ProjectionCheckpoint(sequence: last, version: CouncilProjector.version).write(to: &side.store.base)
            side.store.base.sortIndex()
        }
        let pair = try others.finish()
        let claimsSide = try claims.finish()
        let councilSide = try council.finish()
        deltaDigests = [
            CouncilProjector.name: councilSide.cuts.digests[0], CommitteeProjector.name: pair.cuts.digests[0],
            ProjectProjector.name: pair.cuts.digests[1], ClaimsProjector.name: claimsSide.cuts.digests[0],
        ]
        return Replayer(
            council: councilSide.store.base, committee: pair.committee.base, project: pair.project.base,
            claims: claimsSide.store.base, lastSequence: lastSequence, appliedCount: appliedCount)
    }

    /// A worker folding one read model with `projector`, taking its delta digest at each
    /// boundary (tracking stops after the last).
    private static func singleModelWorker<P: Projector>(
        _ projector: P, label: String, store: InMemoryProjectionStore, boundaries: [UInt64]
    ) -> FoldWorker<Single> {
        let state = Single(
            store: DeltaTrackingStore(store, tracking: !boundaries.isEmpty), cuts: BoundaryCuts(boundaries, models: 1))
        return FoldWorker(label: label, state: state) { side, chunk in
            for (event, context) in chunk {
                try projector.apply(event, envelope: context, to: &side.store)
                if context.sequence == side.cuts.next {
                    side.cuts.record([side.store.takeDeltaDigest()])
                    side.store.tracking = !side.cuts.done
                }
            }
        }
    }

    private mutating func handOver() {
        guard !chunk.isEmpty else { return }
        council.submit(chunk)
        others.submit(chunk)
        claims.submit(chunk)
        chunk.removeAll(keepingCapacity: true)
    }
}

/// The boundaries one fold worker still has to pass and the delta digests taken at those passed.
struct BoundaryCuts: Sendable {
    private let positions: [UInt64]
    private var index = 0
    /// Per model the worker folds, one digest per boundary passed.
    private(set) var digests: [[String]]

    init(_ positions: [UInt64], models: Int) {
        self.positions = positions
        digests = Array(repeating: [], count: models)
    }

    /// The next boundary's sequence (`UInt64.max` when none is left, which no event has).
    var next: UInt64 { index < positions.count ? positions[index] : .max }
    var done: Bool { index >= positions.count }

    mutating func record(_ modelDigests: [String]) {
        for (slot, digest) in modelDigests.enumerated() { digests[slot].append(digest) }
        index += 1
    }
}
