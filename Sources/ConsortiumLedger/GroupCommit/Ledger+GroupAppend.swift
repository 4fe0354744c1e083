import Domain
import EventStore
import LMDB

extension Ledger {
    /// Appends every request's batch, in order, with one set of hooks for all of them: the
    /// Merkle accumulator, rule state and read-model caches are loaded once and written back
    /// once, instead of once per caller. Throws at the first rejected batch (the caller then
    /// aborts the transaction and goes caller by caller, so each learns its own error).
    ///
    /// Why: a caller of a group commit usually brings one event, and loading and flushing the
    /// hooks' state per caller cost more than the event itself.
    func appendTogether(_ requests: [AppendRequest], in writer: LogWriter) throws -> [AppendResult] {
        let batchStart = try writer.headInTransaction().sequence + 1
        var hooks = OffsetHooks(
            inner: try LedgerAppendHooks(
                facade: facade, events: requests.flatMap(\.domainEvents), transaction: writer.transaction,
                batchStart: batchStart, requireSignatures: requiresSignatures))
        var results: [AppendResult] = []
        results.reserveCapacity(requests.count)
        do {
            for request in requests {
                results.append(try writer.appendBatch(request.events, hooks: &hooks))
                hooks.offset += request.count
            }
            try hooks.inner.finish(writer.transaction)
        } catch let violation as RuleCheck.Violation {
            throw LedgerError(violation)
        }
        return results
    }
}

/// Shares one `LedgerAppendHooks` between consecutive batches: a batch's positions are shifted
/// to where its domain events sit in the group's list.
private struct OffsetHooks: AppendHooks {
    var inner: LedgerAppendHooks
    var offset = 0

    mutating func willAppend(
        _ event: NewEvent, sequence: UInt64, version: UInt64, batchIndex: Int, in txn: Transaction
    ) throws {
        try inner.willAppend(event, sequence: sequence, version: version, batchIndex: offset + batchIndex, in: txn)
    }

    mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws {
        try inner.didAppend(record, batchIndex: offset + batchIndex, in: txn)
    }
}
