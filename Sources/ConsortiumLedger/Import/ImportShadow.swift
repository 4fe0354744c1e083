import Domain
import EventStore
import LMDB
import Projections

/// An import's rule checks, run on the parsing thread while the writer appends, against a
/// read snapshot taken inside the writer's transaction — so it starts from exactly the state
/// the writer starts from (the writer holds LMDB's only write lock). The read models are
/// folded beside it, on a thread of their own (``ShadowFold``).
///
/// Everything it changes stays in memory; the writer copies ``pendingWrites(rulesDatabase:)``
/// into its transaction once every event is appended. Anything the shadow cannot decide alone
/// (a broken rule, an id repeated in the input) abandons the single-transaction import, and the
/// two-pass import then names every bad record.
struct ImportShadow {
    /// The import must fall back to the two-pass path.
    struct Abandon: Error {}

    private let reader: LogReader
    private var rules: RuleCheck
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
    }

    /// Checks one record against the rules, as the append hooks would have done when the writer
    /// records it at `nextSequence`; returns where the read models must fold it, or nil for a
    /// record the log already holds.
    mutating func process(_ line: ImportLine, _ event: NewEvent) throws -> EventContext? {
        // An id repeated within the input is not looked for here: the writer then counts a
        // duplicate the shadow did not, the counts disagree at the end, and the full validation
        // judges the input (a harmless resend or a conflict).
        if try reader.sequence(ofEventId: event.id) != nil {
            alreadyRecorded += 1
            return nil
        }
        do {
            try rules.checkSignature(of: event)
            try rules.check(line.event, actor: line.actor, occurredAt: line.occurredAt)
        } catch is RuleCheck.Violation {
            throw Abandon()
        }
        defer { nextSequence += 1 }
        return EventContext(sequence: nextSequence, occurredAt: line.occurredAt, actor: event.actor)
    }

    /// The rule-state writes, in key order.
    mutating func pendingWrites(rulesDatabase: Database) -> KeyOrderedWrites {
        [(rulesDatabase, rules.pendingWrites())]
    }
}
