import Audit
import EventStore
import Foundation
import LMDB

/// A replica (`ledger mirror`): a ledger directory with the primary's ledger id, hence the same
/// genesis, so every copied record's chain link is re-computed here from the same start.
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
