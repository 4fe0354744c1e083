import Domain
import EventStore
import LMDB

extension Ledger {
    /// Bytes of map space reserved per input byte before a single-transaction import: a
    /// recorded event with its indexes, Merkle nodes, rule state and read-model entries took
    /// about 4.3 times its JSONL size (10^5–10^6 generated events).
    static let mapBytesPerInputByte = 6

    /// Events handed to the log per `appendBatch` call inside the one transaction, so the
    /// per-batch caches (rules, read models, index sorting) stay a bounded size.
    static let singleTransactionChunk = 50_000

    /// The optimistic import: one pass, one write transaction, rules run once.
    ///
    /// Returns nil — with nothing written — when any record is bad (unparsable, against the
    /// rules, conflicting with the log); the caller then runs the two-pass import, whose
    /// validation names every bad record by file and line. Storage errors are thrown.
    func importInOneTransaction(_ inputs: [ImportInput], options: ImportOptions) throws -> ImportSummary? {
        let inputBytes = inputs.reduce(0) { $0 + $1.data.count }
        try store.environment.reserve(bytes: inputBytes * Self.mapBytesPerInputByte + (16 << 20))
        do {
            // The closure runs again from the start if the map must grow after all.
            return try store.write { writer in
                var summary = ImportSummary()
                var batch: [NewEvent] = []
                var domainEvents: [DomainEvent] = []
                batch.reserveCapacity(Self.singleTransactionChunk)
                domainEvents.reserveCapacity(Self.singleTransactionChunk)
                func flush() throws {
                    guard !batch.isEmpty else { return }
                    let result = try append(batch, domainEvents: domainEvents, in: writer)
                    summary.appended += result.appendedCount
                    summary.alreadyRecorded += batch.count - result.appendedCount
                    batch.removeAll(keepingCapacity: true)
                    domainEvents.removeAll(keepingCapacity: true)
                }
                for input in inputs {
                    var ids = DerivedIds()
                    try ImportRecords.forEach(in: input) { _, result in
                        guard case .success(let line) = result else { throw NeedsFullValidation() }
                        summary.records += 1
                        summary.byType[line.type, default: 0] += 1
                        if summary.records & 0x3FFF == 0 { options.progress?(.importing, summary.records) }
                        batch.append(try line.newEvent(id: ids.id(for: line)).signed(by: options.signer))
                        domainEvents.append(line.event)
                        if batch.count >= Self.singleTransactionChunk { try flush() }
                    }
                }
                try flush()
                options.progress?(.importing, summary.records)
                return summary
            }
        } catch let error as LMDBError {
            throw error
        } catch {
            // A bad record (or one the log refuses): the transaction was abandoned, nothing was
            // written; the full validation reports every problem with its file and line.
            return nil
        }
    }
}

/// Abandons the single-transaction import at the first unparsable record.
private struct NeedsFullValidation: Error {}
