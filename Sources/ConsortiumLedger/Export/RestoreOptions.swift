import Audit

/// How `Ledger.restore` runs.
public struct RestoreOptions: Sendable {
    /// Events per durable write transaction (LMDB caps one transaction's dirty pages).
    public var batchSize = 50_000
    /// A public key file obtained apart from the snapshot: its checkpoints must be signed by this
    /// key, not merely by the `checkpoint.pub` that travels with them.
    public var trustedPublicKeyPath: String?
    /// The original ledger's `checkpoint.key`, to carry over so the restored ledger signs with the
    /// same key (and re-signs the exported checkpoint byte for byte). Without it a new key is made.
    public var signingKeyPath: String?
    /// Called with (events restored, events to restore) after every batch.
    public var progress: (@Sendable (UInt64, UInt64) -> Void)?
    /// Called with the events audited so far during the closing audit.
    public var auditProgress: (@Sendable (UInt64) -> Void)?

    public init(batchSize: Int = 50_000, trustedPublicKeyPath: String? = nil, signingKeyPath: String? = nil) {
        self.batchSize = batchSize
        self.trustedPublicKeyPath = trustedPublicKeyPath
        self.signingKeyPath = signingKeyPath
    }
}

/// What a restore rebuilt and checked.
public struct RestoreSummary: Sendable {
    public var path: String
    public var ledgerId: String
    public var events: UInt64
    public var snapshots: Int
    /// The Merkle root at the restored size, equal to the exported signed checkpoint's.
    public var root: Hash
    /// The checkpoint the restored ledger signed for its size (stored in its checkpoints database).
    public var checkpoint: SignedCheckpoint
    /// Whether the restored ledger signs with the original key (`signingKeyPath`) or a new one.
    public var keptSigningKey: Bool
    /// Read-model files recomputed from the restored ledger that matched the export's bytes.
    public var readModelFilesMatched: Int
    /// The audit of the restored ledger (it passed, or the restore would have failed).
    public var audit: AuditReport
    public var seconds: Double
}
