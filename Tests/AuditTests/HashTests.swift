import Audit
import Foundation
import Testing

@Suite("Hash value")
struct HashTests {
    @Test func isThirtyTwoInlineBytes() {
        #expect(MemoryLayout<Hash>.size == 32)
    }

    @Test func hexAndBase64RoundTrip() throws {
        let hash = Hash.sha256(Array("abc".utf8))
        #expect(hash.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hash(hex: hash.hex) == hash)
        #expect(Hash(hex: hash.hex.uppercased()) == hash)
        #expect(Hash(base64: hash.base64) == hash)
        #expect(Hash(bytes: hash.bytes) == hash)
        #expect(hash.description == hash.hex)
    }

    @Test(arguments: ["", "00", String(repeating: "g", count: 64), String(repeating: "0", count: 66)])
    func rejectsBadHex(text: String) {
        #expect(Hash(hex: text) == nil)
    }

    @Test func rejectsWrongLengths() {
        #expect(Hash(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(Hash(base64: "AAAA") == nil)
    }

    @Test func leafAndNodeUseDistinctPrefixes() {
        let a = Merkle.leafHash([1])
        let b = Merkle.leafHash([2])
        #expect(Merkle.nodeHash(a, b) == Hash.sha256([1] + a.bytes + b.bytes))
        #expect(a == Hash.sha256([0, 1]))
        #expect(Merkle.nodeHash(a, b) != Merkle.nodeHash(b, a))
        #expect(Set([a, b, a]).count == 2)
    }
}
