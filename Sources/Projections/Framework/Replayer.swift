import Dispatch
import Domain

/// Which recorded events an `--as-of` answer includes.
public enum ReplayCutoff: Sendable, Equatable {
    /// Business time: events that occurred on or before the date (whenever recorded).
    case occurredOnOrBefore(LocalDate)
    /// Ledger time: events recorded up to and including the sequence.
    case sequenceAtMost(UInt64)

    public func includes(_ context: EventContext) -> Bool {
        switch self {
        case .occurredOnOrBefore(let date): return context.occurredOn <= date
        case .sequenceAtMost(let sequence): return context.sequence <= sequence
        }
    }
}

/// Folds events into all the read models (three tiers and claims) held in memory: the ledger's `--as-of`
/// answers and the audit's rebuild-from-zero.
///
/// One fold loop, no JSON: events arrive decoded from their binary payloads, and the
/// in-memory stores change counters in place.
public struct Replayer: Sendable {
    public var council = InMemoryProjectionStore()
    public var committee = InMemoryProjectionStore()
    public var project = InMemoryProjectionStore()
    public var claims = InMemoryProjectionStore()
    /// The last sequence applied (0 before any).
    public private(set) var lastSequence: UInt64 = 0
    /// How many events were applied (those the cut-off let through).
    public private(set) var appliedCount = 0

    private let councilProjector = CouncilProjector()
    private let committeeProjector = CommitteeProjector()
    private let projectProjector = ProjectProjector()
    private let claimsProjector = ClaimsProjector()

    public init() {}

    /// Read models folded elsewhere (`ReplayPipeline`).
    init(
        council: InMemoryProjectionStore, committee: InMemoryProjectionStore, project: InMemoryProjectionStore,
        claims: InMemoryProjectionStore, lastSequence: UInt64, appliedCount: Int
    ) {
        self.council = council
        self.committee = committee
        self.project = project
        self.claims = claims
        self.lastSequence = lastSequence
        self.appliedCount = appliedCount
    }

    /// Applies one event to all three read models, with no cut-off.
    public mutating func apply(_ event: DomainEvent, _ context: EventContext) throws {
        try councilProjector.apply(event, envelope: context, to: &council)
        try committeeProjector.apply(event, envelope: context, to: &committee)
        try projectProjector.apply(event, envelope: context, to: &project)
        try claimsProjector.apply(event, envelope: context, to: &claims)
        lastSequence = context.sequence
        appliedCount += 1
    }

    /// Applies the events `cutoff` includes, in the order given (the log's); may be called
    /// again with later events, then `finish()` once before querying. A sequence cut-off stops reading at
    /// the first event past it, since sequences only grow.
    ///
    /// With `parallel` the events go through a `ReplayPipeline` (council folded on one worker
    /// thread, committee and project on another); without, one at a time on this thread.
    public mutating func replay<Events: Sequence>(
        _ events: Events, cutoff: ReplayCutoff? = nil, parallel: Bool = true
    ) throws where Events.Element == (DomainEvent, EventContext) {
        var pipeline = parallel ? ReplayPipeline(continuing: self) : nil
        if pipeline != nil { self = Replayer() }  // the pipeline's workers now own the stores
        for (event, context) in events {
            if let cutoff, !cutoff.includes(context) {
                if case .sequenceAtMost = cutoff { break }
                continue
            }
            if pipeline != nil {
                pipeline?.append(event, context)
            } else {
                try apply(event, context)
            }
        }
        if var pipeline { self = try pipeline.finish() }
    }

    /// Writes each read model's checkpoint and prepares the stores for many queries.
    public mutating func finish() throws {
        try ProjectionCheckpoint(sequence: lastSequence, version: CouncilProjector.version).write(to: &council)
        try ProjectionCheckpoint(sequence: lastSequence, version: CommitteeProjector.version).write(to: &committee)
        try ProjectionCheckpoint(sequence: lastSequence, version: ProjectProjector.version).write(to: &project)
        try ProjectionCheckpoint(sequence: lastSequence, version: ClaimsProjector.version).write(to: &claims)
        council.sortIndex()
        committee.sortIndex()
        project.sortIndex()
        claims.sortIndex()
    }

    /// A fresh replay of `events` under `cutoff`.
    public static func replaying<Events: Sequence>(
        _ events: Events, cutoff: ReplayCutoff? = nil
    ) throws -> Replayer where Events.Element == (DomainEvent, EventContext) {
        var replayer = Replayer()
        try replayer.replay(events, cutoff: cutoff)
        try replayer.finish()
        return replayer
    }

    /// The three models' digests, hashed in parallel (the stores are read-only here).
    public func digests() throws -> ReadModelDigests {
        let stores = [council, committee, project, claims]
        let results = DigestResults(count: stores.count)
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            results.set(index, Result { try ReadModelDigest.compute(store: stores[index]) })
        }
        let digests = try results.values()
        return ReadModelDigests(council: digests[0], committee: digests[1], project: digests[2], claims: digests[3])
    }
}
