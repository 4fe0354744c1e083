import ConsortiumLedger
import Foundation

/// The benchmark's anchor for the sink: PostgreSQL's own `COPY` of exactly the rows the sink
/// writes to `consortium_events` (same table, same indexes), encoded beforehand, sent as one
/// COPY in one transaction. Only the COPY and its commit are timed.
public enum CopyAnchor {
    /// The ledger's events as COPY text (outside any timing).
    public static func encode(_ ledger: Ledger) throws -> (rows: Int, text: [UInt8]) {
        var copy = CopyText()
        var after: UInt64 = 0
        var escapedId: [UInt8] = []
        while true {
            let chunk = try ledger.sinkChunk(after: after, limit: 50_000)
            if escapedId.isEmpty { escapedId = CopyText.escaped(chunk.ledgerId) }
            guard let last = chunk.records.last else { return (Int(after), copy.bytes) }
            for record in chunk.records { copy.appendEvent(record, escapedLedgerId: escapedId) }
            after = last.sequence
        }
    }

    /// Migrates the (empty) database at `url`, then times `COPY consortium_events FROM STDIN`
    /// of `text` plus its commit; returns the seconds.
    public static func copySeconds(_ text: [UInt8], into url: PostgresURL) async throws -> Double {
        // One COPY of the whole benchmark (10^6 rows and more): a deadline for that, not a batch's.
        let database = try await SinkDatabase.connect(url, timeout: .seconds(1800))
        defer { Task { await database.close() } }
        try await Migrations.bundled().apply(to: database)
        let start = ContinuousClock.now
        try await database.transaction {
            try await database.copy(into: "consortium_events", columns: CopyText.eventColumns, text: text)
        }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
