import Audit

/// Who vouches for an export's checkpoint: the ledger's own key, or, on a mirror (which has
/// none), the primary's signed checkpoint the mirror stored for exactly the exported size.
enum SnapshotSigner {
    case key(LedgerSigningKey)
    case replica(LedgerPublicKey)

    var publicKey: LedgerPublicKey {
        switch self {
        case .key(let key): return key.publicKey
        case .replica(let key): return key
        }
    }

    /// The signed note for `checkpoint`; `stored` is the note kept for its size, if any.
    func note(for checkpoint: Checkpoint, stored: [UInt8]?) throws -> SignedCheckpoint {
        switch self {
        case .key(let key):
            return try key.sign(checkpoint)
        case .replica(let key):
            guard let stored,
                let note = try? SignedCheckpoint(parsing: String(decoding: stored, as: UTF8.self)),
                note.checkpoint == checkpoint, note.verify(with: key)
            else {
                throw LedgerError(
                    .invalidInput,
                    "this mirror holds no checkpoint of the primary for size \(checkpoint.size); "
                        + "let `ledger mirror` finish a round, then export")
            }
            return note
        }
    }
}
