import EventStore
import Foundation
import LMDB

/// Ways an attacker with file access could alter a closed ledger, for tests that prove the
/// audit notices. Each works on the LMDB files directly (the ledger must not be open elsewhere).
public enum LedgerTampering {
    private static func withEvents(_ path: String, _ body: (Transaction, Database) throws -> Void) throws {
        let env = try Environment(path: path)
        let events = try env.openDatabase(LedgerSchema.Name.events, create: false)
        try env.write { txn in try body(txn, events) }
    }

    /// Removes the record at `sequence`.
    public static func deleteRecord(_ sequence: UInt64, ledger path: String) throws {
        try withEvents(path) { txn, events in _ = try txn.delete(events, BigEndianKey(sequence)) }
    }

    /// Swaps the stored records of two sequences.
    public static func swapRecords(_ a: UInt64, _ b: UInt64, ledger path: String) throws {
        try withEvents(path) { txn, events in
            guard let first = try txn.get(events, BigEndianKey(a)).map(Array.init),
                let second = try txn.get(events, BigEndianKey(b)).map(Array.init)
            else { return }
            try txn.put(events, BigEndianKey(a), second)
            try txn.put(events, BigEndianKey(b), first)
        }
    }

    /// Rewrites history from `sequence` on: `change` edits that record, and every later record is
    /// re-hashed so the hash chain is consistent again — a forger who knows the format. Only the
    /// Merkle checkpoints and member signatures can then tell.
    public static func rewrite(
        from sequence: UInt64, ledger path: String, _ change: (inout NewEvent) -> Void
    ) throws {
        try withEvents(path) { txn, events in
            var previous: ChainHash?
            var records: [RecordedEvent] = []
            try txn.withCursor(events) { cursor in
                var entry = try cursor.seek(atLeast: BigEndianKey(sequence))
                while let e = entry {
                    records.append(try RecordCodec.decode(e.value))
                    entry = try cursor.next()
                }
            }
            for record in records {
                var event = NewEvent(
                    id: record.id, type: record.type, stream: record.stream, occurredAt: record.occurredAt,
                    occurredOffsetMinutes: record.occurredOffsetMinutes, actor: record.actor,
                    schemaVersion: record.schemaVersion, payload: record.payload, causationId: record.causationId,
                    correlationId: record.correlationId, signature: record.signature, signerKeyId: record.signerKeyId)
                if record.sequence == sequence { change(&event) }
                let (stored, hash) = RecordCodec.encodeStored(
                    event, sequence: record.sequence, version: record.version, recordedAt: record.recordedAt,
                    previous: previous ?? record.previousHash)
                try txn.put(events, BigEndianKey(record.sequence), stored)
                previous = hash
            }
        }
    }

    /// Flips one byte in every occurrence of `marker` in the data file. (LMDB's copy-on-write
    /// leaves stale copies of pages behind, so the live record is not necessarily the first.)
    public static func flipByte(of marker: String, ledger path: String) throws -> Bool {
        let file = URL(fileURLWithPath: path + "/data.mdb")
        var bytes = [UInt8](try Data(contentsOf: file))
        let needle = Array(marker.utf8)
        guard needle.count <= bytes.count else { return false }
        var flipped = false
        for at in 0...(bytes.count - needle.count) where bytes[at..<(at + needle.count)].elementsEqual(needle) {
            bytes[at + needle.count / 2] ^= 0x01
            flipped = true
        }
        try Data(bytes).write(to: file)
        return flipped
    }

    /// Copies a ledger directory (closed) so a test can damage the copy.
    public static func copy(_ path: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: path, toPath: destination)
    }
}
