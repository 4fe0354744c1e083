import Domain

/// Folds events into the three tier read models on two worker threads while the caller
/// decodes the next events: replay's three costs (reading and decoding records, the council
/// fold, the committee and project folds) are of similar size, so they overlap rather than
/// add up.
///
/// Events are handed over in chunks; the council model is folded on one worker, the
/// committee and project models on the other (the models share nothing). Use from one
/// thread: `append` every event in log order, then `finish()` once. (A struct, not a class:
/// `append` runs per event, and a class's stored properties would pay a dynamic exclusivity
/// check on every call; copies share the workers, so keep to one.)
public struct ReplayPipeline {
    struct Pair: Sendable {
        var committee = InMemoryProjectionStore()
        var project = InMemoryProjectionStore()
        var claims = InMemoryProjectionStore()
    }

    static let chunkSize = 4096

    private let council: FoldWorker<InMemoryProjectionStore>
    private let others: FoldWorker<Pair>
    private var chunk: [(DomainEvent, EventContext)] = []
    private var lastSequence: UInt64 = 0
    private var appliedCount = 0

    /// - Parameter expectedEvents: how many events will probably be appended (the log's length),
    ///   so the stores are sized once instead of growing by doubling; a guess is fine.
    public init(expectedEvents: Int = 0) {
        // Generator data has ~0.16 council, ~0.23 committee and ~0.003 project keys per event.
        // Reserving a little under that lands on the table size growth would reach (reserving
        // more doubles the table, and probes miss the cache more often than a resize costs).
        let events = min(max(expectedEvents, 0), 1 << 26)
        self.init(
            council: InMemoryProjectionStore(minimumCapacity: events / 8),
            pair: Pair(
                committee: InMemoryProjectionStore(minimumCapacity: events / 8),
                project: InMemoryProjectionStore(minimumCapacity: events / 512),
                claims: InMemoryProjectionStore(minimumCapacity: events / 64)),
            lastSequence: 0, appliedCount: 0)
    }

    /// Folds on from where `replayer` stands (its stores, last sequence and count).
    init(continuing replayer: Replayer) {
        self.init(
            council: replayer.council,
            pair: Pair(committee: replayer.committee, project: replayer.project, claims: replayer.claims),
            lastSequence: replayer.lastSequence, appliedCount: replayer.appliedCount)
    }

    private init(council councilStore: InMemoryProjectionStore, pair: Pair, lastSequence: UInt64, appliedCount: Int) {
        let councilProjector = CouncilProjector()
        let committeeProjector = CommitteeProjector()
        let projectProjector = ProjectProjector()
        let claimsProjector = ClaimsProjector()
        self.lastSequence = lastSequence
        self.appliedCount = appliedCount
        council = FoldWorker(label: "replay.council", state: councilStore) { store, chunk in
            for (event, context) in chunk { try councilProjector.apply(event, envelope: context, to: &store) }
        }
        others = FoldWorker(label: "replay.committee-project", state: pair) { pair, chunk in
            for (event, context) in chunk {
                try committeeProjector.apply(event, envelope: context, to: &pair.committee)
                try projectProjector.apply(event, envelope: context, to: &pair.project)
                try claimsProjector.apply(event, envelope: context, to: &pair.claims)
            }
        }
        chunk.reserveCapacity(Self.chunkSize)
    }

    /// Queues one event; folding errors surface from `finish()`.
    public mutating func append(_ event: DomainEvent, _ context: EventContext) {
        chunk.append((event, context))
        lastSequence = context.sequence
        appliedCount += 1
        if chunk.count == Self.chunkSize { handOver() }
    }

    /// Waits for both workers and returns the read models, finished (checkpoints written at
    /// the last sequence appended, indexes sorted for queries — on the workers, in parallel).
    public mutating func finish() throws -> Replayer {
        handOver()
        let last = lastSequence
        let pair = try others.finish { pair in
            try ProjectionCheckpoint(sequence: last, version: CommitteeProjector.version).write(to: &pair.committee)
            try ProjectionCheckpoint(sequence: last, version: ProjectProjector.version).write(to: &pair.project)
            try ProjectionCheckpoint(sequence: last, version: ClaimsProjector.version).write(to: &pair.claims)
            pair.committee.sortIndex()
            pair.project.sortIndex()
            pair.claims.sortIndex()
        }
        let councilStore = try council.finish { store in
            try ProjectionCheckpoint(sequence: last, version: CouncilProjector.version).write(to: &store)
            store.sortIndex()
        }
        return Replayer(
            council: councilStore, committee: pair.committee, project: pair.project, claims: pair.claims,
            lastSequence: lastSequence, appliedCount: appliedCount)
    }

    private mutating func handOver() {
        guard !chunk.isEmpty else { return }
        council.submit(chunk)
        others.submit(chunk)
        chunk.removeAll(keepingCapacity: true)
    }
}
