import Audit
import EventStore
import Foundation
import LMDB

extension Ledger {
    /// Where the ledger's checkpoint-signing key lives (0600, never exported).
    public var signingKeyPath: String { path + "/checkpoint.key" }
    /// The matching public key, safe to hand to any third party.
    public var publicKeyPath: String { path + "/checkpoint.pub" }

    /// The origin line of this ledger's checkpoints.
    public var checkpointOrigin: String { "consortium-ledger/\(store.ledgerId)" }

    static func createSigningKey(at path: String, ledgerId: String) throws {
        let key = try LedgerSigningKey.generate(name: "consortium-ledger-" + ledgerId.prefix(8))
        try key.write(to: path + "/checkpoint.key")
        try key.publicKey.write(to: path + "/checkpoint.pub")
    }

    /// The public key third parties verify checkpoints with.
    public func publicKey() throws -> LedgerPublicKey { try LedgerPublicKey.load(from: publicKeyPath) }

    /// The Merkle root over every record, and its size, on one snapshot.
    public func merkleRoot() throws -> (size: UInt64, root: Hash) {
        try store.environment.read { txn in
            let accumulator = try MerkleState.load(txn, facade)
            return (accumulator.size, accumulator.root)
        }
    }

    /// Signs the current tree head with the ledger key and stores it under its size.
    @discardableResult
    public func checkpoint() throws -> SignedCheckpoint {
        let key = try LedgerSigningKey.load(from: signingKeyPath)
        return try store.environment.write { txn in
            let accumulator = try MerkleState.load(txn, facade)
            let signed = try key.sign(
                try Checkpoint(origin: checkpointOrigin, size: accumulator.size, root: accumulator.root))
            try txn.put(facade.checkpoints, BigEndianKey(accumulator.size), signed.serialized)
            return signed
        }
    }

    /// Every stored checkpoint, oldest first.
    public func checkpoints() throws -> [SignedCheckpoint] {
        try store.environment.read { txn in
            try txn.withCursor(facade.checkpoints) { cursor in
                var out: [SignedCheckpoint] = []
                var entry = try cursor.first()
                while let e = entry {
                    out.append(try SignedCheckpoint(parsing: String(decoding: e.value, as: UTF8.self)))
                    entry = try cursor.next()
                }
                return out
            }
        }
    }

    /// The newest stored checkpoint, if any.
    public func latestCheckpoint() throws -> SignedCheckpoint? {
        try store.environment.read { txn in
            try txn.withCursor(facade.checkpoints) { cursor in
                try cursor.last().map { try SignedCheckpoint(parsing: String(decoding: $0.value, as: UTF8.self)) }
            }
        }
    }

    /// Proof that the event at `sequence` is in the tree of `treeSize` (default: the latest checkpoint).
    public func inclusionProof(sequence: UInt64, treeSize: UInt64? = nil) throws -> InclusionProof {
        let size = try treeSize ?? latestCheckpoint()?.checkpoint.size ?? merkleRoot().size
        guard sequence >= 1, sequence <= size else {
            throw LedgerError(.notFound, "sequence \(sequence) is not in a tree of size \(size)")
        }
        return try store.environment.read { txn in
            try InclusionProof(
                leafIndex: sequence - 1, treeSize: size,
                store: LMDBMerkleNodeStore(transaction: txn, database: facade.merkleNodes))
        }
    }

    /// Proof that the tree of `newSize` extends the tree of `oldSize`.
    public func consistencyProof(oldSize: UInt64, newSize: UInt64? = nil) throws -> ConsistencyProof {
        let size = try newSize ?? latestCheckpoint()?.checkpoint.size ?? merkleRoot().size
        guard oldSize <= size else {
            throw LedgerError(.invalidInput, "old size \(oldSize) is larger than new size \(size)")
        }
        return try store.environment.read { txn in
            try ConsistencyProof(
                oldSize: oldSize, newSize: size,
                store: LMDBMerkleNodeStore(transaction: txn, database: facade.merkleNodes))
        }
    }
}

extension Ledger {
    /// An inclusion proof document for the event at `sequence` (or with id `eventId`).
    public func proveInclusion(sequence: UInt64?, eventId: String?, treeSize: UInt64? = nil) throws -> ProofDocument {
        let seq: UInt64
        if let sequence {
            seq = sequence
        } else if let eventId, let found = try store.read({ try $0.sequence(ofEventId: eventId) }) {
            seq = found
        } else {
            throw LedgerError(.notFound, "no event with id \(eventId ?? "?") is recorded")
        }
        let (record, id) = try store.read { reader -> ([UInt8], String) in
            var found: ([UInt8], String)?
            try reader.scan(from: seq, through: seq) { view in
                found = (Array(view.record), view.id)
                return false
            }
            guard let found else { throw LedgerError(.notFound, "no event at sequence \(seq)") }
            return found
        }
        let proof = try inclusionProof(sequence: seq, treeSize: treeSize)
        return ProofDocument(
            kind: .inclusion, sequence: seq, eventId: id, record: Data(record).base64EncodedString(), inclusion: proof)
    }

    /// A consistency proof document between two tree sizes.
    public func proveConsistency(oldSize: UInt64, newSize: UInt64? = nil) throws -> ProofDocument {
        ProofDocument(kind: .consistency, consistency: try consistencyProof(oldSize: oldSize, newSize: newSize))
    }

    /// The stored checkpoint for exactly `size`, if one was signed.
    public func checkpoint(size: UInt64) throws -> SignedCheckpoint? {
        try store.environment.read { txn in
            try txn.get(facade.checkpoints, BigEndianKey(size)).map {
                try SignedCheckpoint(parsing: String(decoding: $0, as: UTF8.self))
            }
        }
    }
}
