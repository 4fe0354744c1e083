import Domain
import EventStore
import LMDB
import Projections

/// An import's rule checks and read-model folding, run on the parsing thread while the writer
/// appends, against a read snapshot taken inside the writer's transaction — so it starts from
/// exactly the state the writer starts from (the writer holds LMDB's only write lock).
///
/// Everything it changes stays in memory; the writer copies ``pendingWrites()`` into its
/// transaction once every event is appended. Anything the shadow cannot decide alone (a
/// broken rule, an id repeated in the input) abandons the single-transaction import, and the two-pass
/// import then names every bad record.
struct ImportShadow {
    /// The import must fall back to the two-pass path.
    struct Abandon: Error {}

    private let reader: LogReader
    private var rules: RuleCheck
    private var projections: ShadowProjections
    /// Cuts the read-model snapshots the import crosses from `projections` (nil: the
    /// checkpointer writes them after the import).
    private var snapshots: SnapshotCutter?
    /// The sequence the next new event will get.
    private(set) var nextSequence: UInt64
    /// Records whose id the log already holds (the writer skips them, checking their content).
    private(set) var alreadyRecorded = 0

    init(reader: LogReader, ledger: Ledger) throws {
        self.reader = reader
        nextSequence = try reader.head().sequence + 1
        rules = RuleCheck.dryRun(
            transaction: reader.transaction, database: ledger.facade.rules,
            requireSignatures: ledger.requiresSignatures)
        projections = try ShadowProjections(
            transaction: reader.transaction, facade: ledger.facade, batchStart: nextSequence)
        snapshots = try SnapshotCutter.start(
            reader: reader, databases: ledger.snapshots, projections: &projections, ledger: ledger)
    }

    /// Checks one record against the rules and folds it into the read models, as the append
    /// hooks would have done when the writer records it at `nextSequence`.
    mutating func process(_ line: ImportLine, _ event: NewEvent) throws {
        // An id repeated within the input is not looked for here: the writer then counts a
        // duplicate the shadow did not, the counts disagree at the end, and the full validation
        // judges the input (a harmless resend or a conflict).
        if try reader.sequence(ofEventId: event.id) != nil {
            alreadyRecorded += 1
            return
        }
        do {
            try rules.checkSignature(of: event)
            try rules.check(line.event, actor: line.actor, occurredAt: line.occurredAt)
        } catch is RuleCheck.Violation {
            throw Abandon()
        }
        let context = EventContext(sequence: nextSequence, occurredAt: line.occurredAt, actor: event.actor)
        snapshots?.willFold(context, projections: &projections)
        do {
            try projections.apply(line.event, context: context)
        } catch is RuleViolation {
            throw Abandon()  // a figure would overflow: the chunked path names the event
        }
        snapshots?.didFold(context, projections: &projections)
        nextSequence += 1
    }

    /// The snapshots closed since the last call, for the writer to store with the chunk.
    mutating func takeSnapshotCuts() -> [SnapshotCut] {
        snapshots?.takeCuts() ?? []
    }

    /// The rule-state and read-model writes, per database, each in key order.
    mutating func pendingWrites(rulesDatabase: Database) throws -> KeyOrderedWrites {
        [(rulesDatabase, rules.pendingWrites())] + (try projections.pendingWrites())
    }
}
