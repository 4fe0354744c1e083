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

/// Folds events into all three tier read models held in memory: the ledger's `--as-of`
/// answers and the audit's rebuild-from-zero.
///
/// One fold loop, no JSON: events arrive decoded from their binary payloads, and the
/// in-memory stores change counters in place.
public struct Replayer: Sendable {
    public var council = InMemoryProjectionStore()
    public var committee = InMemoryProjectionStore()
    public var project = InMemoryProjectionStore()
    /// The last sequence applied (0 before any).
    public private(set) var lastSequence: UInt64 = 0
    /// How many events were applied (those the cut-off let through).
    public private(set) var appliedCount = 0

    private let councilProjector = CouncilProjector()
    private let committeeProjector = CommitteeProjector()
    private let projectProjector = ProjectProjector()

    public init() {}

    /// Read models folded elsewhere (`ReplayPipeline`).
    init(
        council: InMemoryProjectionStore, committee: InMemoryProjectionStore, project: InMemoryProjectionStore,
        lastSequence: UInt64, appliedCount: Int
    ) {
        self.council = council
        self.committee = committee
        self.project = project
        self.lastSequence = lastSequence
        self.appliedCount = appliedCount
    }

    /// Applies one event to all three read models, with no cut-off.
    public mutating func apply(_ event: DomainEvent, _ context: EventContext) throws {
        try councilProjector.apply(event, envelope: context, to: &council)
        try committeeProjector.apply(event, envelope: context, to: &committee)
        try projectProjector.apply(event, envelope: context, to: &project)
        lastSequence = context.sequence
        appliedCount += 1
    }

    /// Applies the events `cutoff` includes, in the order given (the log's); may be called
    /// again with later events, then `finish()` once before querying. A sequence cut-off stops reading at
    /// the first event past it, since sequences only grow.
    ///
    /// Events are folded in chunks; with `parallel`, the council model is folded on a
    /// second thread while this one folds the other two (the models share nothing).
    public mutating func replay<Events: Sequence>(
        _ events: Events, cutoff: ReplayCutoff? = nil, parallel: Bool = true
    ) throws where Events.Element == (DomainEvent, EventContext) {
        var chunk: [(DomainEvent, EventContext)] = []
        chunk.reserveCapacity(Self.chunkSize)
        for (event, context) in events {
            if let cutoff, !cutoff.includes(context) {
                if case .sequenceAtMost = cutoff { break }
                continue
            }
            chunk.append((event, context))
            if chunk.count == Self.chunkSize {
                try applyChunk(chunk, parallel: parallel)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try applyChunk(chunk, parallel: parallel)
    }

    static let chunkSize = 8192

    private mutating func applyChunk(_ chunk: [(DomainEvent, EventContext)], parallel: Bool) throws {
        guard let last = chunk.last else { return }
        guard parallel, chunk.count >= 1024 else {
            for (event, context) in chunk { try apply(event, context) }
            return
        }
        // Move the stores out so each thread owns its own uniquely referenced storage.
        var councilStore = council
        var committeeStore = committee
        var projectStore = project
        council = InMemoryProjectionStore()
        committee = InMemoryProjectionStore()
        project = InMemoryProjectionStore()
        var councilError: (any Error)?
        var otherError: (any Error)?
        let projectors = (councilProjector, committeeProjector, projectProjector)
        withUnsafeMutablePointer(to: &councilStore) { councilPointer in
            withUnsafeMutablePointer(to: &committeeStore) { committeePointer in
                withUnsafeMutablePointer(to: &projectStore) { projectPointer in
                    withUnsafeMutablePointer(to: &councilError) { councilErrorPointer in
                        withUnsafeMutablePointer(to: &otherError) { otherErrorPointer in
                            let council = DisjointPointer(councilPointer)
                            let committee = DisjointPointer(committeePointer)
                            let project = DisjointPointer(projectPointer)
                            let failures = (DisjointPointer(councilErrorPointer), DisjointPointer(otherErrorPointer))
                            DispatchQueue.concurrentPerform(iterations: 2) { worker in
                                do {
                                    if worker == 0 {
                                        for (event, context) in chunk {
                                            try projectors.0.apply(event, envelope: context, to: &council.pointer.pointee)
                                        }
                                    } else {
                                        for (event, context) in chunk {
                                            try projectors.1.apply(event, envelope: context, to: &committee.pointer.pointee)
                                            try projectors.2.apply(event, envelope: context, to: &project.pointer.pointee)
                                        }
                                    }
                                } catch {
                                    (worker == 0 ? failures.0 : failures.1).pointer.pointee = error
                                }
                            }
                        }
                    }
                }
            }
        }
        committee = committeeStore
        project = projectStore
        council = councilStore
        if let councilError { throw councilError }
        if let otherError { throw otherError }
        lastSequence = last.1.sequence
        appliedCount += chunk.count
    }

    /// Writes each read model's checkpoint and prepares the stores for many queries.
    public mutating func finish() throws {
        try ProjectionCheckpoint(sequence: lastSequence, version: CouncilProjector.version).write(to: &council)
        try ProjectionCheckpoint(sequence: lastSequence, version: CommitteeProjector.version).write(to: &committee)
        try ProjectionCheckpoint(sequence: lastSequence, version: ProjectProjector.version).write(to: &project)
        council.sortIndex()
        committee.sortIndex()
        project.sortIndex()
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
        let stores = [council, committee, project]
        let results = DigestResults(count: stores.count)
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            results.set(index, Result { try ReadModelDigest.compute(store: stores[index]) })
        }
        let digests = try results.values()
        return ReadModelDigests(council: digests[0], committee: digests[1], project: digests[2])
    }
}
