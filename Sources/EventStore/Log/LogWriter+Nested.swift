import LMDB

extension LogWriter {
    /// Runs `body` with a writer on a transaction nested in this one: what it appends joins
    /// this transaction's commit when `body` returns, and leaves no trace when it throws.
    ///
    /// Why: group commit applies several callers' batches in one synced transaction, and a
    /// rejected batch must not take the others down nor leave any of its writes behind.
    public func nested<R>(_ body: (LogWriter) throws -> R) throws -> R {
        try transaction.nested { child in
            try body(LogWriter(transaction: child, dbs: dbs, genesis: genesis, recordedAt: recordedAt))
        }
    }
}
