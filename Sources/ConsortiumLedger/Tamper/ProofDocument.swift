import Audit
import Foundation

/// What `ledger prove` writes and `ledger verify-proof` reads: a proof plus what a third party
/// needs to check it with nothing but the ledger's public key and a signed checkpoint.
public struct ProofDocument: Codable, Sendable {
    public enum Kind: String, Codable, Sendable { case inclusion, consistency }

    public var kind: Kind
    /// For inclusion: the event's sequence, id and its exact record bytes (base64), so the
    /// verifier recomputes the leaf hash itself instead of trusting it.
    public var sequence: UInt64?
    public var eventId: String?
    public var record: String?
    public var inclusion: InclusionProof?
    public var consistency: ConsistencyProof?

    public init(
        kind: Kind, sequence: UInt64? = nil, eventId: String? = nil, record: String? = nil,
        inclusion: InclusionProof? = nil, consistency: ConsistencyProof? = nil
    ) {
        self.kind = kind
        self.sequence = sequence
        self.eventId = eventId
        self.record = record
        self.inclusion = inclusion
        self.consistency = consistency
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(ProofDocument.self, from: jsonData)
    }
}

/// The outcome of checking a proof offline.
public struct ProofVerdict: Sendable {
    public var valid: Bool
    public var explanation: String
}

extension ProofDocument {
    /// Checks the proof against signed checkpoint(s) and the public key, opening no ledger.
    /// For consistency, `oldCheckpoint` is the earlier tree head and `checkpoint` the newer.
    public func verify(
        checkpoint: SignedCheckpoint, oldCheckpoint: SignedCheckpoint? = nil, publicKey: LedgerPublicKey
    ) -> ProofVerdict {
        guard let head = try? checkpoint.verifiedCheckpoint(with: publicKey) else {
            return ProofVerdict(valid: false, explanation: "the checkpoint is not signed by \(publicKey.name)")
        }
        switch kind {
        case .inclusion:
            guard let proof = inclusion else {
                return ProofVerdict(valid: false, explanation: "no inclusion proof in the document")
            }
            if let record {
                guard let bytes = Data(base64Encoded: record),
                    Merkle.leafHash(Array(bytes)) == proof.leafHash
                else {
                    return ProofVerdict(valid: false, explanation: "the record bytes do not hash to the proof's leaf")
                }
            }
            guard proof.treeSize == head.size else {
                return ProofVerdict(
                    valid: false,
                    explanation: "proof is for tree size \(proof.treeSize), checkpoint is size \(head.size)")
            }
            let ok = proof.verify(root: head.root)
            return ProofVerdict(
                valid: ok,
                explanation: ok
                    ? "event \(sequence.map(String.init) ?? "?") is leaf \(proof.leafIndex) of the signed tree of size \(head.size)"
                    : "the inclusion proof does not lead to the checkpoint's root")
        case .consistency:
            guard let proof = consistency else {
                return ProofVerdict(valid: false, explanation: "no consistency proof in the document")
            }
            guard let oldCheckpoint, let old = try? oldCheckpoint.verifiedCheckpoint(with: publicKey) else {
                return ProofVerdict(
                    valid: false, explanation: "the old checkpoint is missing or not signed by \(publicKey.name)")
            }
            guard proof.oldSize == old.size, proof.newSize == head.size else {
                return ProofVerdict(
                    valid: false,
                    explanation: "proof is \(proof.oldSize)→\(proof.newSize), checkpoints are \(old.size)→\(head.size)")
            }
            let ok = proof.verify(oldRoot: old.root, newRoot: head.root)
            return ProofVerdict(
                valid: ok,
                explanation: ok
                    ? "the tree of size \(head.size) extends the tree of size \(old.size): history was only appended"
                    : "the consistency proof fails: the newer tree does not extend the older one")
        }
    }
}
