import LMDB

/// Work that must happen inside the append transaction: domain rules before each event is
/// written (a concurrent writer cannot slip past them), Merkle and projections after.
public protocol AppendHooks {
    /// Called after idempotency and version checks, before the event is written.
    /// Throwing rejects the whole batch: nothing is written.
    mutating func willAppend(
        _ event: NewEvent, sequence: UInt64, version: UInt64, batchIndex: Int, in txn: Transaction) throws
    /// Called once the record is stored, with the exact bytes that were hashed.
    mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws
}

extension AppendHooks {
    public mutating func willAppend(
        _ event: NewEvent, sequence: UInt64, version: UInt64, batchIndex: Int, in txn: Transaction
    ) throws {}
    public mutating func didAppend(_ record: RecordView, batchIndex: Int, in txn: Transaction) throws {}
}

/// Appends with nothing but the log's own checks.
public struct NoAppendHooks: AppendHooks {
    public init() {}
}

/// What happened to each event of a batch.
public struct AppendResult: Sendable, Equatable {
    /// The sequence of each submitted event, in batch order (the original one for a duplicate).
    public var sequences: [UInt64]
    /// Which of them were already recorded (idempotent re-sends).
    public var duplicates: [Bool]

    public init(sequences: [UInt64], duplicates: [Bool]) {
        self.sequences = sequences
        self.duplicates = duplicates
    }

    /// How many events this append actually wrote.
    public var appendedCount: Int { duplicates.lazy.filter { !$0 }.count }
    /// The highest sequence written by this append, if any.
    public var lastAppended: UInt64? {
        sequences.indices.last(where: { !duplicates[$0] }).map { sequences[$0] }
    }
}
