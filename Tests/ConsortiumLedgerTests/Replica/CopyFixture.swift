import Audit
import ConsortiumLedger
import EventStore
import LedgerTesting

/// A primary with a generated history and an empty replica of it, for the tests of the
/// mirror's store path (`VerbatimCopyTests`, `VerbatimCopierTests`).
enum CopyFixture {
    static let events = 1_500

    /// A primary with a generated history, and each of its stored records.
    static func primary(in dir: TemporaryDirectory, seed: Int) throws -> (Ledger, [[UInt8]]) {
        let file = try GeneratedHistory.write(events: events, seed: seed, in: dir)
        let ledger = try Ledger.create(path: dir.file("primary"))
        _ = try ledger.importFiles([ImportInput(path: file)])
        var records: [[UInt8]] = []
        _ = try ledger.forEachStoredRecord(from: 1, limit: .max) { _, stored in records.append(Array(stored)) }
        return (ledger, records)
    }

    /// An empty replica: the primary's ledger id and public key, no records.
    static func replica(of primary: Ledger, in dir: TemporaryDirectory) throws -> Ledger {
        try Ledger.createReplica(
            path: dir.file("replica"), ledgerId: primary.ledgerId, primaryKey: try primary.publicKey())
    }

    /// `records` framed as `GET /v1/feed` sends them to a mirror.
    static func frames(_ records: ArraySlice<[UInt8]>) -> [UInt8] {
        var out: [UInt8] = []
        for record in records { record.withUnsafeBytes { RecordStream.appendFrame($0, to: &out) } }
        return out
    }

    /// `record` with its hash trailer recomputed for `previous`; returns it and its new hash
    /// (a tampered record re-linked, so that the chain from it on is whole again).
    static func relinked(_ record: [UInt8], previous: Hash) -> ([UInt8], Hash) {
        let body = Array(record[..<(record.count - 64)])
        let hash = body.withUnsafeBytes { Hash.link(previous: previous, record: $0) }
        return (body + previous.bytes + hash.bytes, hash)
    }
}
