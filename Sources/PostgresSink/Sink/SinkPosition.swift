import Foundation
import NIOCore
import PostgresNIO

/// A ledger's row in `sink_positions`: the last sequence written and its chain hash.
struct SinkPosition: Sendable, Equatable {
    var sequence: UInt64
    var hash: [UInt8]?

    /// Creates the ledger's row at 0 if it has none, and returns the position.
    static func load(ledgerId: String, source: String, in database: SinkDatabase) async throws -> SinkPosition {
        var bindings = PostgresBindings()
        bindings.append(ledgerId)
        bindings.append(source)
        try await database.run(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO sink_positions (ledger_id, last_sequence, last_hash, source) VALUES ($1, 0, NULL, $2)
                    ON CONFLICT (ledger_id) DO NOTHING
                    """, binds: bindings),
            doing: "creating the sink position")
        return try await read(ledgerId: ledgerId, in: database, lock: false)
    }

    /// The stored position; with `lock`, the row stays locked to the end of the transaction.
    static func read(ledgerId: String, in database: SinkDatabase, lock: Bool) async throws -> SinkPosition {
        var bindings = PostgresBindings()
        bindings.append(ledgerId)
        let rows = try await database.rows(
            PostgresQuery(
                unsafeSQL: "SELECT last_sequence, last_hash FROM sink_positions WHERE ledger_id = $1"
                    + (lock ? " FOR UPDATE" : ""), binds: bindings),
            doing: "reading the sink position")
        guard let row = rows.first else {
            throw SinkError(
                .concurrentSink, "ledger \(ledgerId) has no row in sink_positions (was it deleted meanwhile?)")
        }
        let (sequence, hash) = try row.decode((Int64, ByteBuffer?).self)
        return SinkPosition(sequence: UInt64(sequence), hash: hash.map { Array($0.readableBytesView) })
    }

    func store(ledgerId: String, in database: SinkDatabase) async throws {
        var bindings = PostgresBindings()
        bindings.append(ledgerId)
        bindings.append(Int64(sequence))
        if let hash { bindings.append(ByteBuffer(bytes: hash)) } else { bindings.appendNull() }
        try await database.run(
            PostgresQuery(
                unsafeSQL:
                    "UPDATE sink_positions SET last_sequence = $2, last_hash = $3, updated_at = now() WHERE ledger_id = $1",
                binds: bindings),
            doing: "moving the sink position")
    }
}

/// The chain hashes of rows already in `consortium_events`, to name where a rewrite starts.
enum StoredHashes {
    static func read(ledgerId: String, from first: UInt64, through last: UInt64, in database: SinkDatabase)
        async throws -> [UInt64: [UInt8]]
    {
        var bindings = PostgresBindings()
        bindings.append(ledgerId)
        bindings.append(Int64(first))
        bindings.append(Int64(last))
        var hashes: [UInt64: [UInt8]] = [:]
        for row in try await database.rows(
            PostgresQuery(
                unsafeSQL:
                    "SELECT sequence, hash FROM consortium_events WHERE ledger_id = $1 AND sequence BETWEEN $2 AND $3",
                binds: bindings),
            doing: "reading stored hashes")
        {
            let (sequence, hash) = try row.decode((Int64, ByteBuffer).self)
            hashes[UInt64(sequence)] = Array(hash.readableBytesView)
        }
        return hashes
    }
}
