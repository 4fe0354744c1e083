import Dispatch
import LMDB

/// The id and stream index entries of every batch a long transaction appends, written once,
/// in key order, after the last, instead of after each batch.
///
/// Why: ids are random and streams many, so each batch's sorted entries still land on most
/// leaf pages of those two B-trees; a one-transaction import of a hundred batches dirtied each
/// page again and again, past what LMDB keeps in its dirty list (it spills and searches that
/// list). Deferring them cut a 10^6 import's CPU by about a sixth, for about 80 MB more peak
/// memory. Lookups of the later batches consult these entries before the databases.
///
/// Whoever defers must write them before the transaction commits: ``sortInBackground()``, then
/// ``SortedIndexes/write(in:)``.
public struct DeferredIndexes {
    var pending = PendingIndexes(capacity: 0)

    public init() {}

    /// Sorts the entries of each index on a thread of its own (each a few hundred milliseconds
    /// at 10^6 events), so the caller can go on writing something else meanwhile.
    public consuming func sortInBackground() -> SortedIndexes {
        SortedIndexes(pending)
    }
}

/// Deferred index entries being sorted; written once sorted.
///
/// `@unchecked Sendable`: each index's keys are touched by its sorting block until `sorted`
/// has been waited for, then only by the writer.
public final class SortedIndexes: @unchecked Sendable {
    private var ids = SortedKeys(capacity: 0)
    private var streams = SortedKeys(capacity: 0)
    private let sorted = DispatchGroup()

    init(_ pending: PendingIndexes) {
        ids = pending.ids
        streams = pending.streams
        DispatchQueue.global().async(group: sorted) { self.ids.sort() }
        DispatchQueue.global().async(group: sorted) { self.streams.sort() }
    }

    /// Waits for both sorts, then puts every entry through `writer`, each index in key order.
    public func write(in writer: LogWriter) throws {
        sorted.wait()
        try ids.write(to: writer.transaction, writer.dbs.ids)
        try streams.write(to: writer.transaction, writer.dbs.streams)
    }
}
