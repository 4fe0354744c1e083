import Domain
import EventStore
import LMDB
import Projections

/// The read-model half of an import's shadow: folds each new record into the read models
/// (``ShadowProjections``) and cuts the snapshots the import crosses (``SnapshotCutter``), on a
/// thread of its own between the parser (which checks the rules) and the writer.
///
/// Why a thread of its own: with rules and folding on one thread, that thread bounded a
/// one-transaction import once the writer deferred its index writes (``DeferredIndexes``).
/// It reads a snapshot taken inside the writer's transaction, as the parser does, so both
/// start from the state the writer starts from.
struct ShadowFold {
    private var projections: ShadowProjections
    /// nil: the checkpointer writes the snapshots after the import.
    private var snapshots: SnapshotCutter?

    /// Starts folding after `reader`'s head.
    init(reader: LogReader, ledger: Ledger) throws {
        projections = try ShadowProjections(
            transaction: reader.transaction, facade: ledger.facade, batchStart: try reader.head().sequence + 1)
        snapshots = try SnapshotCutter.start(
            reader: reader, databases: ledger.snapshots, projections: &projections, ledger: ledger)
    }

    /// Folds the event the writer records at `context.sequence`, closing any snapshot it crosses.
    mutating func fold(_ event: DomainEvent, _ context: EventContext) throws {
        snapshots?.willFold(context, projections: &projections)
        do {
            try projections.apply(event, context: context)
        } catch is RuleViolation {
            throw ImportShadow.Abandon()  // a figure would overflow: the chunked path names the event
        }
        snapshots?.didFold(context, projections: &projections)
    }

    /// The snapshots closed since the last call, for the writer to store with the chunk.
    mutating func takeSnapshotCuts() -> [SnapshotCut] {
        snapshots?.takeCuts() ?? []
    }

    /// The read-model writes (checkpoints included), per database, each in key order.
    mutating func pendingWrites() throws -> KeyOrderedWrites {
        try projections.pendingWrites()
    }
}
