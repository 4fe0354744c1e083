import Domain
import EventStore
import LMDB

/// The tier read models updated in the append transaction (placeholder until projections land).
struct InlineProjections {
    init(transaction: Transaction, facade: FacadeDatabases) throws {}
    mutating func apply(_ event: DomainEvent, record: RecordView) throws {}
    mutating func flush() throws {}
}
