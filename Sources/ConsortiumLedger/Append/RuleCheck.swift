import Domain
import EventStore
import LMDB

/// Domain rules checked inside the append transaction (placeholder until the rules engine lands).
struct RuleCheck {
    struct Violation: Error {
        var field: String
        var message: String
    }

    let transaction: Transaction
    let database: Database

    static func dryRun(transaction: Transaction, database: Database) -> RuleCheck {
        RuleCheck(transaction: transaction, database: database)
    }

    mutating func check(_ domainEvent: DomainEvent, event: NewEvent, batchIndex: Int) throws {}
    mutating func check(_ domainEvent: DomainEvent, actor: String, occurredAt: Timestamp) throws {}
    mutating func flush() throws {}
}
