import Domain
import EventStore
import LMDB

extension Ledger {
    /// Bytes of map space reserved per input byte before a single-transaction import: a
    /// recorded event with its indexes, Merkle nodes, rule state and read-model entries took
    /// about 4.3 times its JSONL size (10^5–10^6 generated events).
    static let mapBytesPerInputByte = 6

    /// Events the parser hands over at a time, each chunk appended with one `appendBatch` call
    /// inside the one transaction: bounded, so the per-batch work (Merkle nodes, index entries
    /// sorted before they are written) stays small.
    ///
    /// Each chunk is appended as it came. Gathering chunks into batches of 50,000 first copied
    /// every event and payload once more, and retained and released their texts: a sixth of
    /// the writer thread; without it a 10^6 import took a median 12.4 s against 15.0 s (9 runs
    /// each, alternating builds), with about 35 MiB less peak memory.
    static let singleTransactionChunk = 8_192

    /// The optimistic import: one pass, one write transaction, rules and read models run once —
    /// on the parsing thread and a fold thread, beside the writer (``ImportParser``).
    ///
    /// Returns nil — with nothing written — when any record is bad (unparsable, against the
    /// rules, conflicting with the log); the caller then runs the two-pass import, whose
    /// validation names every bad record by file and line. Storage errors are thrown.
    /// - Parameter continuing: the content-derived id state after the records before these
    ///   (a segment of a bigger file continues its file's numbering); returned updated.
    func importInOneTransaction(
        _ inputs: [ImportInput], options: ImportOptions, continuing ids: DerivedIds = DerivedIds()
    ) throws -> (summary: ImportSummary, ids: DerivedIds, sequences: ClosedRange<UInt64>?)? {
        let inputBytes = inputs.reduce(0) { $0 + $1.data.count }
        try store.environment.reserve(bytes: inputBytes * Self.mapBytesPerInputByte + (16 << 20))
        do {
            // The closure runs again from the start if the map must grow after all.
            return try store.write { writer in
                var summary = ImportSummary()
                let first = try writer.headInTransaction().sequence + 1
                let parser = ImportParser(
                    inputs: inputs, signer: options.signer, ledger: self, continuing: ids,
                    chunkSize: Self.singleTransactionChunk)
                defer { parser.stop() }
                var snapshotting = ImportSnapshots(databases: snapshots)
                var indexes = DeferredIndexes()
                while let chunk = try parser.queue.take() {
                    let result = try appendImportChunk(
                        chunk.events, domainEvents: chunk.domainEvents, in: writer, deferringIndexesTo: &indexes)
                    try snapshotting?.store(chunk.snapshotCuts, in: writer)
                    summary.appended += result.appendedCount
                    summary.alreadyRecorded += chunk.events.count - result.appendedCount
                    options.progress?(.importing, summary.appended + summary.alreadyRecorded)
                }
                // Sorted beside the shadow's writes below.
                let sortedIndexes = indexes.sortInBackground()
                parser.stop()
                // The shadow must have predicted exactly what the writer did.
                let shadow = parser.takeShadowResult()
                guard try writer.headInTransaction().sequence + 1 == shadow?.nextSequence,
                    summary.alreadyRecorded == shadow?.alreadyRecorded
                else { throw ImportShadow.Abandon() }
                try writer.transaction.put(inKeyOrder: shadow?.writes ?? [])
                try sortedIndexes.write(in: writer)
                // No other binding holds the shadow's writes: freed beside the commit, not before it.
                ReleaseLater(consume shadow).release()
                summary.records = parser.records
                summary.snapshots = snapshotting?.stored ?? 0
                summary.byType = parser.byType
                // One transaction holds the only write lock: its new events are contiguous.
                let last = first + UInt64(summary.appended) - 1
                return (summary, parser.ids, summary.appended > 0 ? first...last : nil)
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
