import Domain
import EventStore

extension Ledger {
    /// The member acting as secretariat: the charter's lead member, or `nil` before the
    /// `ConsortiumChartered` event. What `ledger keygen` puts as the actor of the
    /// `MemberKeyRegistered` event it prints.
    public func secretariatMemberId() throws -> String? {
        try store.read { reader in
            let rules = LMDBRuleStore(transaction: reader.transaction, database: facade.rules)
            do {
                return try RuleEngine().leadMemberId(in: rules)
            } catch {
                throw LedgerError(.io, "\(path): the rule state cannot be read: \(error)")
            }
        }
    }
}
