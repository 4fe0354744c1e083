import Audit
import Foundation
import Testing

@Suite("Proof files")
struct ProofJSONTests {
    @Test func inclusionProofRoundTripsAndVerifies() throws {
        let (accumulator, store) = try buildTree(syntheticLeaves(21))
        let proof = try InclusionProof(leafIndex: 13, treeSize: 21, store: store)
        let data = try proof.jsonData()
        let decoded = try InclusionProof(jsonData: data)
        #expect(decoded == proof)
        #expect(decoded.verify(root: accumulator.root))
        #expect(!decoded.verify(root: accumulator.root.flippingBit(9)))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"leafHash\" : \"\(proof.leafHash.hex)\""))
        #expect(text.contains("\"leafIndex\" : 13"))
    }

    @Test func consistencyProofRoundTripsAndVerifies() throws {
        let (accumulator, store) = try buildTree(syntheticLeaves(21))
        let proof = try ConsistencyProof(oldSize: 6, newSize: 21, store: store)
        let decoded = try ConsistencyProof(jsonData: proof.jsonData())
        #expect(decoded == proof)
        #expect(decoded.verify(oldRoot: try store.rootHash(treeSize: 6), newRoot: accumulator.root))
    }

    @Test func acceptsBase64HashesAndRejectsGarbage() throws {
        let hash = Merkle.leafHash([1])
        let json = #"{"oldSize":1,"newSize":2,"hashes":["\#(hash.base64)","\#(hash.hex.uppercased())"]}"#
        let proof = try ConsistencyProof(jsonData: Data(json.utf8))
        #expect(proof.hashes == [hash, hash])
        let bad = #"{"oldSize":1,"newSize":2,"hashes":["abc"]}"#
        #expect(throws: DecodingError.self) { try ConsistencyProof(jsonData: Data(bad.utf8)) }
    }
}
