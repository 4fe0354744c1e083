import Audit
import Foundation
import Replication

/// A transparency log in memory: leaves, every Merkle node (for proofs) and a signing key, so a
/// test can play an honest log, or a dishonest one, against a real witness.
struct TestLog {
    let key: LedgerSigningKey
    let origin: String
    private(set) var accumulator = MerkleAccumulator()
    private(set) var nodes = InMemoryMerkleNodeStore()

    init(origin: String = "test.consortium.example/log", key: LedgerSigningKey? = nil) throws {
        self.origin = origin
        self.key = try key ?? LedgerSigningKey.generate(name: "test-log")
    }

    mutating func append(_ count: Int, tag: String = "leaf") throws {
        for index in 0..<count {
            try accumulator.append(
                leafHash: Merkle.leafHash(Array("\(tag)-\(accumulator.size)-\(index)".utf8)), into: &nodes)
        }
    }

    func note() throws -> SignedCheckpoint {
        try key.sign(try Checkpoint(origin: origin, size: accumulator.size, root: accumulator.root))
    }

    func proof(from oldSize: UInt64) throws -> [Hash] {
        oldSize == 0 ? [] : try ConsistencyProof(oldSize: oldSize, newSize: accumulator.size, store: nodes).hashes
    }

    func request(from oldSize: UInt64) throws -> AddCheckpointRequest {
        AddCheckpointRequest(oldSize: oldSize, proof: try proof(from: oldSize), note: try note())
    }
}
