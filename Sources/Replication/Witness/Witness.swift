import Audit
import Foundation

/// A C2SP tlog-witness: cosigns a log's checkpoint only if it extends, by a verified RFC 6962
/// consistency proof, the last checkpoint this witness cosigned for that origin.
///
/// Check-and-store happens under one lock and the new checkpoint is durable before the
/// cosignature is returned, so no interleaving of requests (or crash) can roll the witness
/// back to a smaller tree or make it sign two roots for one size.
public final class Witness: @unchecked Sendable {  // all mutable access is under `lock`
    public let key: CosignerSigningKey
    /// Trusted log keys by origin.
    public let logs: [String: LedgerPublicKey]
    private let state: WitnessState
    private let clock: @Sendable () -> UInt64
    private let lock = NSLock()

    /// The state directory keeps the cosigned checkpoints and the evidence folder.
    public init(
        key: CosignerSigningKey, logs: [String: LedgerPublicKey], stateDirectory: String,
        clock: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) throws {
        self.key = key
        self.logs = logs
        self.clock = clock
        state = try WitnessState(directory: stateDirectory)
    }

    /// Where refused-but-log-signed checkpoints are kept.
    public var evidenceDirectory: String { state.evidenceDirectory }

    /// Handles one add-checkpoint body, returning the cosignature line(s) or the refusal.
    public func addCheckpoint(_ body: [UInt8]) throws(WitnessError) -> [NoteSignature] {
        let request = try AddCheckpointRequest(parsing: body)
        let checkpoint = request.note.checkpoint
        guard let logKey = logs[checkpoint.origin] else {
            throw WitnessError(.unknownOrigin, "no log with origin \(checkpoint.origin) is configured")
        }
        guard request.note.verify(with: logKey) else {
            throw WitnessError(
                .signatureInvalid, "no signature on the checkpoint verifies with \(logKey.verifierKey)")
        }
        guard request.oldSize <= checkpoint.size else {
            throw WitnessError(
                .oldSizeTooLarge, "old size \(request.oldSize) is larger than the checkpoint's size \(checkpoint.size)")
        }
        lock.lock()
        defer { lock.unlock() }
        let latest = try state.latest(origin: checkpoint.origin, key: logKey)
        let knownSize = latest?.checkpoint.size ?? 0
        guard request.oldSize == knownSize else {
            throw WitnessError(
                .staleOldSize, "the last checkpoint cosigned for \(checkpoint.origin) has size \(knownSize)",
                knownSize: knownSize)
        }
        if let latest {
            if let refusal = Self.refusal(latest.checkpoint, request) {
                state.recordEvidence(reason: refusal, cosigned: latest, request: request, now: clock())
                throw refusal
            }
        } else if !request.proof.isEmpty {
            throw WitnessError(.inconsistent, "the proof must be empty when the old size is 0")
        }
        // Keep only the log's own signature lines: the state is the log's statement, not others'.
        let logLines = request.note.signatures.filter { $0.keyName == logKey.name && $0.keyId == logKey.noteKeyId }
        try state.store(SignedCheckpoint(checkpoint: checkpoint, signatures: logLines))
        do {
            return [try key.cosign(checkpoint, timestamp: clock())]
        } catch {
            throw WitnessError(.storage, "cosigning: \(error)")
        }
    }

    /// Why `request` does not extend `latest`, or nil when it does.
    static func refusal(_ latest: Checkpoint, _ request: AddCheckpointRequest) -> WitnessError? {
        let new = request.note.checkpoint
        if new.size == latest.size {
            guard new.root == latest.root, request.proof.isEmpty else {
                return WitnessError(
                    .conflictingRoot,
                    "size \(new.size) was cosigned with root \(latest.root.base64); this checkpoint has root "
                        + "\(new.root.base64): two histories of one size (split view)")
            }
            return nil
        }
        guard
            Merkle.verifyConsistency(
                oldSize: latest.size, newSize: new.size, oldRoot: latest.root, newRoot: new.root, proof: request.proof)
        else {
            return WitnessError(
                .inconsistent,
                "the consistency proof does not show size \(new.size) (root \(new.root.base64)) extending the "
                    + "cosigned size \(latest.size) (root \(latest.root.base64)): history was rewritten")
        }
        return nil
    }
}
