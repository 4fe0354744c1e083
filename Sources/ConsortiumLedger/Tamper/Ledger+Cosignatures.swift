import Audit
import EventStore
import Foundation
import LMDB

extension Ledger {
    /// Adds witnesses' cosignature lines to the stored checkpoint of the same size, so
    /// `latestCheckpoint()` (and the server's `/v1/checkpoint`) hands out the cosigned note.
    ///
    /// Only lines are added: the stored note must exist and have exactly this checkpoint
    /// (origin, size, root), and its own signature is kept. Which lines are valid is the
    /// caller's business (the collector keeps only verified ones); readers check again.
    @discardableResult
    public func recordCosignatures(_ note: SignedCheckpoint) throws -> SignedCheckpoint {
        try store.environment.write { txn in
            let key = BigEndianKey(note.checkpoint.size)
            guard let bytes = try txn.get(facade.checkpoints, key) else {
                throw LedgerError(.notFound, "no checkpoint of size \(note.checkpoint.size) is stored")
            }
            let stored = try SignedCheckpoint(parsing: String(decoding: bytes, as: UTF8.self))
            guard stored.checkpoint == note.checkpoint else {
                throw LedgerError(
                    .invalidInput,
                    "the stored checkpoint of size \(note.checkpoint.size) has root \(stored.checkpoint.root.base64), "
                        + "not \(note.checkpoint.root.base64)")
            }
            let merged = stored.adding(note.signatures)
            try txn.put(facade.checkpoints, key, merged.serialized)
            return merged
        }
    }
}
