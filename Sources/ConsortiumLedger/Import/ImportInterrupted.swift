import EventStore
import Foundation

/// What an import that writes in several transactions has made durable so far: each committed
/// transaction's events and their sequences.
struct ImportCommitted {
    private(set) var transactions = 0
    private(set) var events = 0
    /// Lowest and highest sequence written by this import (other writers may interleave between
    /// its transactions, so the range can hold events that are not the import's).
    private(set) var sequences: ClosedRange<UInt64>?

    mutating func record(appended: Int, sequences written: ClosedRange<UInt64>?) {
        transactions += 1
        events += appended
        guard let written else { return }
        sequences =
            sequences.map { min($0.lowerBound, written.lowerBound)...max($0.upperBound, written.upperBound) } ?? written
    }

    /// Sequences of the new (not already recorded) events of one append's result.
    static func range(of result: AppendResult) -> ClosedRange<UInt64>? {
        let written = zip(result.sequences, result.duplicates).filter { !$0.1 }.map(\.0)
        guard let low = written.min(), let high = written.max() else { return nil }
        return low...high
    }
}

/// An import that stopped after some of its transactions had committed: unlike every other
/// import error it did write something, and says exactly what and how to finish.
///
/// Why: with `--batch-size`, or input too big for one transaction, every chunk commits on its
/// own; a chunk refused later (a concurrent writer recorded the same member in between) once
/// reported "nothing was written" after 30,000 events had been committed.
public struct ImportInterrupted: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The durable transactions (chunks or segments) this import committed before the failure.
    public var transactionsCommitted: Int
    /// The events those transactions recorded.
    public var eventsCommitted: Int
    /// Lowest and highest sequence they were recorded at.
    public var sequences: ClosedRange<UInt64>?
    /// The records of the refused chunk, by position in the input (1-based).
    public var failedRecords: ClosedRange<Int>
    /// Why the chunk was refused (its own transaction wrote nothing).
    public var reason: String

    public var description: String {
        let range = sequences.map { " at sequences \($0.lowerBound)–\($0.upperBound)" } ?? ""
        return "import stopped at records \(failedRecords.lowerBound)–\(failedRecords.upperBound): \(reason). "
            + "That chunk wrote nothing, but \(transactionsCommitted) earlier transaction(s) of this import are durable: "
            + "\(eventsCommitted) event(s)\(range). To finish, fix the cause and run the same command again: "
            + "records already recorded are recognised by id and skipped."
    }

    public var errorDescription: String? { description }
}
