import Domain
import EventStore
import Foundation
import LMDB

/// Reads the network service needs, so that it reaches the ledger through the facade only.
extension Ledger {
    /// What the rule state knows about `memberId` now, or `nil` if never admitted nor chartered.
    public func memberStatus(_ memberId: String) throws -> MemberStatus? {
        try store.environment.read { txn in
            try RuleEngine().member(memberId, in: LMDBRuleStore(transaction: txn, database: facade.rules))
        }
    }

    /// The members project `projectId` concerns (its lead and its platform's members), or `nil`.
    public func projectParticipants(_ projectId: String) throws -> Set<String>? {
        try store.environment.read { txn in
            try RuleEngine().projectParticipants(projectId, in: LMDBRuleStore(transaction: txn, database: facade.rules))
        }
    }

    /// Visits up to `limit` recorded events from sequence `from`, each as the line
    /// `ledger log --format jsonl` prints (without its newline). Returns how many it visited.
    /// The line's bytes are only valid during the call.
    @discardableResult
    public func forEachEventLine(
        from: UInt64, limit: Int, _ body: (_ sequence: UInt64, _ line: ArraySlice<UInt8>) throws -> Void
    ) throws -> Int {
        guard limit > 0 else { return 0 }
        var encoder = EventLineEncoder()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2048)
        var visited = 0
        try store.read { reader in
            try reader.scan(from: max(from, 1)) { view in
                buffer.removeAll(keepingCapacity: true)
                _ = try encoder.append(view, to: &buffer)
                try body(view.sequence, buffer[..<(buffer.count - 1)])
                visited += 1
                return visited < limit
            }
        }
        return visited
    }

    /// The sequence of the recorded event with `id`, if any.
    public func sequence(ofEventId id: String) throws -> UInt64? {
        try store.read { try $0.sequence(ofEventId: id) }
    }
}
