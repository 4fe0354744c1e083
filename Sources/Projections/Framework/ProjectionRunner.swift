import Domain

/// Where a stored read model stands relative to the log.
public enum ProjectionStatus: Sendable, Equatable {
    /// Everything up to `after` is applied (0: nothing yet); feed the events after it.
    case resumable(after: UInt64)
    /// Written by another version of the projector: empty its database and replay from 1.
    case needsRebuild(storedVersion: Int)
}

/// Why a runner refused a batch; each case names what the ledger must do instead.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case versionMismatch(projector: String, stored: Int, current: Int)
    case sequenceGap(projector: String, expected: UInt64, got: UInt64)

    public var description: String {
        switch self {
        case .versionMismatch(let name, let stored, let current):
            return "read model \(name) was written by version \(stored), this is version \(current): rebuild it"
        case .sequenceGap(let name, let expected, let got):
            return "read model \(name) expected sequence \(expected) next, got \(got): catch up from its checkpoint"
        }
    }
}

/// Drives one projector against its store, in Marten's vocabulary:
/// - inline: the ledger calls `apply` with the batch inside the append transaction;
/// - catch-up: the ledger calls `apply` with events from the checkpoint to the head, in
///   chunks, each chunk in its own write transaction;
/// - rebuild: when `status` says so, the ledger empties the database and catches up from 1.
///
/// Events at or below the checkpoint are skipped, so re-delivering a batch is harmless.
public struct ProjectionRunner<P: Projector>: Sendable {
    public let projector: P

    public init(_ projector: P = P()) {
        self.projector = projector
    }

    public static func status(of store: some ProjectionStore) throws -> ProjectionStatus {
        guard let checkpoint = try ProjectionCheckpoint.read(from: store) else { return .resumable(after: 0) }
        guard checkpoint.version == P.version else { return .needsRebuild(storedVersion: checkpoint.version) }
        return .resumable(after: checkpoint.sequence)
    }

    /// Applies the events after the checkpoint, in order and without gaps, then writes
    /// the checkpoint once (one extra put per batch, not per event).
    @discardableResult
    public func apply<Events: Sequence>(
        _ events: Events, to store: inout some ProjectionStore
    ) throws -> ProjectionCheckpoint where Events.Element == (DomainEvent, EventContext) {
        var last: UInt64
        switch try Self.status(of: store) {
        case .needsRebuild(let stored):
            throw ProjectionError.versionMismatch(projector: P.name, stored: stored, current: P.version)
        case .resumable(let after):
            last = after
        }
        let start = last
        for (event, context) in events where context.sequence > last {
            guard context.sequence == last + 1 else {
                throw ProjectionError.sequenceGap(projector: P.name, expected: last + 1, got: context.sequence)
            }
            try projector.apply(event, envelope: context, to: &store)
            last = context.sequence
        }
        let checkpoint = ProjectionCheckpoint(sequence: last, version: P.version)
        let stored = try ProjectionCheckpoint.read(from: store)
        if last != start || stored == nil {
            try checkpoint.write(to: &store)
        }
        return checkpoint
    }
}
