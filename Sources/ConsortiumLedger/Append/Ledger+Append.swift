import Audit
import Domain
import EventStore
import LMDB

extension Ledger {
    /// Appends parsed import lines as one atomic, durable batch: rules checked against the state
    /// the ledger holds, in the same transaction; nothing is written if any line fails.
    /// Lines without an id get a random one (so re-sending them is not idempotent).
    /// With `signer`, each event is signed as its actor with that member key (docs/DESIGN.md, Guarantees: member signatures).
    @discardableResult
    public func append(_ lines: [ImportLine], signer: MemberKeyPair? = nil) throws -> AppendResult {
        let events = try lines.map { try $0.newEvent(id: randomUUID()).signed(by: signer) }
        return try append(events, domainEvents: lines.map(\.event))
    }

    /// Appends prepared log events with their domain events (same order).
    func append(_ events: [NewEvent], domainEvents: [DomainEvent]) throws -> AppendResult {
        precondition(events.count == domainEvents.count, "one domain event per log event")
        let result = try store.write { writer in try append(events, domainEvents: domainEvents, in: writer) }
        snapshotAfterAppend(events)
        return result
    }

    /// Appends one batch inside `writer`'s transaction (alone, as one caller of a group commit,
    /// or as one segment of an import): the hooks load the Merkle, rule and projection state
    /// from the transaction and write it back before returning, so nothing of the batch stays
    /// cached outside it. With `checkedElsewhere`, the caller has run the rules and folded the
    /// read models itself (an import's shadow) and writes their results into the transaction.
    func append(
        _ events: [NewEvent], domainEvents: [DomainEvent], in writer: LogWriter, checkedElsewhere: Bool = false
    ) throws -> AppendResult {
        try withHooks(events, domainEvents, in: writer, checkedElsewhere: checkedElsewhere) { hooks in
            try writer.appendBatch(events, hooks: &hooks)
        }
    }

    /// One chunk of a one-transaction import whose shadow checked and folded it: `append`,
    /// with the id and stream index entries left in `deferred` for the import to write once
    /// at its end (``DeferredIndexes`` says why).
    func appendImportChunk(
        _ events: [NewEvent], domainEvents: [DomainEvent], in writer: LogWriter,
        deferringIndexesTo deferred: inout DeferredIndexes
    ) throws -> AppendResult {
        try withHooks(events, domainEvents, in: writer, checkedElsewhere: true) { hooks in
            try writer.appendBatch(events, hooks: &hooks, deferringIndexesTo: &deferred)
        }
    }

    private func withHooks(
        _ events: [NewEvent], _ domainEvents: [DomainEvent], in writer: LogWriter, checkedElsewhere: Bool,
        _ appendBatch: (inout LedgerAppendHooks) throws -> AppendResult
    ) throws -> AppendResult {
        precondition(events.count == domainEvents.count, "one domain event per log event")
        do {
            let batchStart = try writer.headInTransaction().sequence + 1
            var hooks = try LedgerAppendHooks(
                facade: facade, events: domainEvents, transaction: writer.transaction, batchStart: batchStart,
                requireSignatures: requiresSignatures, checkedElsewhere: checkedElsewhere)
            let result = try appendBatch(&hooks)
            try hooks.finish(writer.transaction)
            return result
        } catch let violation as RuleCheck.Violation {
            throw LedgerError(violation)
        }
    }
}

extension NewEvent {
    /// This event signed over its canonical bytes by `signer` (unchanged when `signer` is nil).
    func signed(by signer: MemberKeyPair?) throws -> NewEvent {
        guard let signer else { return self }
        var copy = self
        copy.signature = try signer.sign(SignedContent.bytes(of: self)).rawRepresentation
        copy.signerKeyId = signer.keyId
        return copy
    }
}
