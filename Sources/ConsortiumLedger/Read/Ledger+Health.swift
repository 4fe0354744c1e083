import Audit
import Foundation

/// What the dashboard's ledger-health page shows: size, the business dates covered, the latest
/// signed checkpoint with everyone who signed it, and the last audit. Plain values, so the
/// service can answer it as JSON without knowing the Audit module's types.
public struct LedgerHealth: Sendable, Equatable {
    /// One signature line of the latest checkpoint.
    public struct Signer: Sendable, Equatable {
        public var name: String
        /// The C2SP key id, 8 hex digits.
        public var keyId: String
        /// True for the ledger's own key; every other signer is a witness's cosignature.
        public var isLedger: Bool
    }

    /// The latest stored checkpoint.
    public struct CheckpointSummary: Sendable, Equatable {
        public var origin: String
        public var size: UInt64
        /// The Merkle root, base64 as in the signed note.
        public var rootHash: String
        public var signers: [Signer]
    }

    public var ledgerId: String
    public var events: UInt64
    /// `occurredAt` (YYYY-MM-DD) of the first and of the last recorded event.
    public var firstOccurredAt: String?
    public var lastOccurredAt: String?
    public var checkpoints: Int
    public var lastCheckpoint: CheckpointSummary?
    public var lastAudit: LastAudit?
}

extension Ledger {
    /// The health figures of this ledger now.
    public func health() throws -> LedgerHealth {
        let events = try eventCount()
        let stored = try checkpoints()
        let ownKey = try? publicKey()
        let summary = stored.last.map { signed in
            LedgerHealth.CheckpointSummary(
                origin: signed.checkpoint.origin, size: signed.checkpoint.size,
                rootHash: Data(signed.checkpoint.root.bytes).base64EncodedString(),
                signers: signed.signatures.map { line in
                    LedgerHealth.Signer(
                        name: line.keyName, keyId: String(format: "%08x", line.keyId),
                        isLedger: line.keyName == ownKey?.name && line.keyId == ownKey?.noteKeyId)
                })
        }
        return LedgerHealth(
            ledgerId: store.ledgerId, events: events,
            firstOccurredAt: events > 0 ? try occurredDate(at: 1) : nil,
            lastOccurredAt: events > 0 ? try occurredDate(at: events) : nil,
            checkpoints: stored.count, lastCheckpoint: summary, lastAudit: lastAudit())
    }

    /// The business date (YYYY-MM-DD) of the event at `sequence`.
    private func occurredDate(at sequence: UInt64) throws -> String? {
        var date: String?
        try forEachEventLine(from: sequence, limit: 1) { _, line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let occurred = object["occurredAt"] as? String
            else { return }
            date = String(occurred.prefix(10))
        }
        return date
    }
}
