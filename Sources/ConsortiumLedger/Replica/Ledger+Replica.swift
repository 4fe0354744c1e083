import Audit
import EventStore
import Foundation
import LMDB

/// A replica (`ledger mirror`): a ledger directory with the primary's ledger id, hence the same
/// genesis, so every copied record is re-hashed locally and must come out byte-identical.
extension Ledger {
    /// The ledger id a checkpoint origin names (`consortium-ledger/<id>`), if it is one of ours.
    public static func ledgerId(fromOrigin origin: String) -> String? {
        let prefix = "consortium-ledger/"
        guard origin.hasPrefix(prefix), origin.count > prefix.count else { return nil }
        return String(origin.dropFirst(prefix.count))
    }

    /// Creates an empty replica of ledger `ledgerId` at `path`. It keeps the primary's public key
    /// as `checkpoint.pub` and no signing key: a replica stores the primary's signed checkpoints
    /// (so `ledger audit` checks them) and never signs its own.
    public static func createReplica(path: String, ledgerId: String, primaryKey: LedgerPublicKey) throws -> Ledger {
        let ledger = try Ledger.create(path: path, creator: "ledger mirror", ledgerId: ledgerId)
        do {
            try FileManager.default.removeItem(atPath: ledger.signingKeyPath)
            try FileManager.default.removeItem(atPath: ledger.publicKeyPath)
            try primaryKey.write(to: ledger.publicKeyPath)
        } catch {
            throw LedgerError(.io, "\(ledger.publicKeyPath): cannot install the primary's public key (\(error))")
        }
        return ledger
    }

    /// Appends records copied from the primary, each given as the line `ledger log --format jsonl`
    /// prints, in one transaction. Each is re-recorded with its original recordedAt, and its
    /// sequence, version and hash (hence the whole chain) must come out as the primary says.
    /// Returns the number appended. `source` labels errors (`URL/v1/feed`; line = sequence).
    @discardableResult
    public func appendReplicated(_ lines: [(sequence: UInt64, line: [UInt8])], source: String) throws -> UInt64 {
        var batch = RestoreBatch(file: source)
        var expected = try store.head().sequence + 1
        for (sequence, line) in lines {
            let location = ImportLocation(file: source, line: Int(sequence))
            let event = try line.withUnsafeBytes { try ExportedEvent.parse($0, at: location) }
            guard event.sequence == sequence, sequence == expected else {
                throw LedgerError(
                    .invalidInput,
                    "\(location): the record says sequence \(event.sequence), the feed id \(sequence); expected \(expected)"
                )
            }
            batch.add(event, line: Int(sequence))
            expected += 1
        }
        return try batch.flush(into: self)
    }

    /// The chain hash of the local record at `sequence` (hex), for naming where histories part.
    public func recordHash(at sequence: UInt64) throws -> String? {
        try store.read { reader in
            var found: String?
            try reader.scan(from: sequence, through: sequence) { view in
                found = view.hash.hex
                return false
            }
            return found
        }
    }

    /// Stores a checkpoint the primary signed, after checking it is signed by `checkpoint.pub`
    /// and names exactly the local tree (size and root). Returns the local root on mismatch
    /// as an error, storing nothing.
    public func storeReplicatedCheckpoint(_ note: SignedCheckpoint) throws {
        _ = try note.verifiedCheckpoint(with: try publicKey())
        let (size, root) = try merkleRoot()
        guard size == note.checkpoint.size, root == note.checkpoint.root else {
            throw LedgerError(
                .invalidInput,
                "the checkpoint is for size \(note.checkpoint.size) root \(note.checkpoint.root.base64); "
                    + "the local tree is size \(size) root \(root.base64)")
        }
        try store.environment.write { txn in
            try txn.put(facade.checkpoints, BigEndianKey(size), note.serialized)
        }
    }
}

extension Ledger {
    /// The chain hash (hex) a `ledger log --format jsonl` line records, if it parses.
    public static func recordedHash(ofLine line: [UInt8]) -> String? {
        let location = ImportLocation(file: "feed", line: 0)
        return try? line.withUnsafeBytes { try ExportedEvent.parse($0, at: location).hash.hex }
    }
}
