import Audit
import Foundation
import Testing

@Suite("Signed checkpoints")
struct SignedCheckpointTests {
    let key: LedgerSigningKey
    let checkpoint: Checkpoint

    init() throws {
        key = try LedgerSigningKey.generate(name: "consortium.example/ledger")
        var accumulator = MerkleAccumulator()
        accumulator.append(leafHashes: syntheticLeaves(12))
        checkpoint = try Checkpoint(origin: "consortium.example/ledger", size: accumulator.size, root: accumulator.root)
    }

    /// Parse then verify; a note that does not even parse counts as not verifying.
    func verifies(_ text: String, with publicKey: LedgerPublicKey? = nil) -> Bool {
        guard let parsed = try? SignedCheckpoint(parsing: text) else { return false }
        return parsed.verify(with: publicKey ?? key.publicKey)
    }

    @Test func noteTextIsOriginSizeBase64Root() {
        #expect(checkpoint.noteText == "consortium.example/ledger\n12\n\(checkpoint.root.base64)\n")
    }

    @Test func signSerialiseParseVerify() throws {
        let signed = try key.sign(checkpoint)
        let text = signed.serialized
        let parsed = try SignedCheckpoint(parsing: text)
        #expect(parsed == signed)
        #expect(parsed.checkpoint == checkpoint)
        #expect(parsed.serialized == text)
        #expect(parsed.verify(with: key.publicKey))
        #expect(try parsed.verifiedCheckpoint(with: key.publicKey) == checkpoint)
    }

    @Test func serialisedFormIsC2SPSignedNote() throws {
        let text = try key.sign(checkpoint).serialized
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines[3] == "")
        #expect(lines[5] == "")
        #expect(lines[4].hasPrefix("\u{2014} consortium.example/ledger "))
        let blob = try #require(Data(base64Encoded: String(lines[4].split(separator: " ")[2])))
        #expect(blob.count == 4 + 64)
        // keyId = SHA-256(name ‖ "\n" ‖ 0x01 ‖ publicKey)[0..<4], computed here independently.
        let expectedId = Hash.sha256(Array("consortium.example/ledger\n".utf8) + [1] + key.publicKey.rawRepresentation)
        #expect(Array(blob.prefix(4)) == Array(expectedId.bytes.prefix(4)))
        #expect(key.publicKey.verifierKey.hasPrefix("consortium.example/ledger+\(key.publicKey.noteKeyIdHex)+"))
    }

    @Test func tamperedNoteFailsVerification() throws {
        let text = try key.sign(checkpoint).serialized
        let otherRoot = checkpoint.root.flippingBit(0).base64
        let tampered = [
            text.replacingOccurrences(of: "consortium.example/ledger\n12", with: "consortium.example/ledgeR\n12"),
            text.replacingOccurrences(of: "\n12\n", with: "\n13\n"),
            text.replacingOccurrences(of: checkpoint.root.base64, with: otherRoot),
        ]
        for variant in tampered {
            #expect(variant != text)
            #expect(!verifies(variant))
        }
    }

    @Test func tamperedSignatureFailsVerification() throws {
        let signed = try key.sign(checkpoint)
        let line = try #require(signed.signatures.first)
        for position in [0, 31, 63] {
            var bytes = line.signature
            bytes[position] ^= 0x01
            let forged = SignedCheckpoint(
                checkpoint: checkpoint,
                signatures: [NoteSignature(keyName: line.keyName, keyId: line.keyId, signature: bytes)])
            #expect(!verifies(forged.serialized))
        }
        let wrongId = NoteSignature(keyName: line.keyName, keyId: line.keyId ^ 1, signature: line.signature)
        #expect(!SignedCheckpoint(checkpoint: checkpoint, signatures: [wrongId]).verify(with: key.publicKey))
    }

    @Test func wrongPublicKeyFails() throws {
        let text = try key.sign(checkpoint).serialized
        let impostor = try LedgerSigningKey.generate(name: "consortium.example/ledger")
        #expect(!verifies(text, with: impostor.publicKey))
        let renamed = try LedgerPublicKey(name: "other.example", rawRepresentation: key.publicKey.rawRepresentation)
        #expect(!verifies(text, with: renamed))
        #expect(throws: CheckpointError.self) {
            try SignedCheckpoint(parsing: text).verifiedCheckpoint(with: impostor.publicKey)
        }
    }

    @Test func keepsUnknownCosignaturesAndStillVerifies() throws {
        let signed = try key.sign(checkpoint)
        let witness = NoteSignature(
            keyName: "witness.example", keyId: 0xDEAD_BEEF, signature: Array(repeating: 7, count: 64))
        let cosigned = SignedCheckpoint(checkpoint: checkpoint, signatures: [witness] + signed.signatures)
        let parsed = try SignedCheckpoint(parsing: cosigned.serialized)
        #expect(parsed.signatures.count == 2)
        #expect(parsed.verify(with: key.publicKey))
    }

    @Test(arguments: [
        "origin\n12\n",
        "origin\n012\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=\n",
        "origin\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=\n",
        "origin\n1\nAAAA\n\n\u{2014} k AAAAAQE=\n",
        "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nextra\n\n\u{2014} k AAAAAQE=\n",
        "\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=\n",
        "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n- k AAAAAQE=\n",
        "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=",
        "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k+x AAAAAQE=\n",
        "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAA\n",
    ])
    func rejectsMalformedNotes(text: String) {
        #expect(throws: CheckpointError.self) { try SignedCheckpoint(parsing: text) }
    }

    @Test func parseErrorsNameTheLine() {
        let text = "origin\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=\n"
        let error = #expect(throws: CheckpointError.self) { try SignedCheckpoint(parsing: text) }
        #expect(error?.line == 2)
        #expect(error?.description.contains("line 2") == true)
        let badSignature =
            "origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u{2014} k AAAAAQE=\nnot a line\n"
        let signatureError = #expect(throws: CheckpointError.self) { try SignedCheckpoint(parsing: badSignature) }
        #expect(signatureError?.line == 6)
    }

    @Test func rejectsMultiLineOrigin() {
        #expect(throws: CheckpointError.self) { try Checkpoint(origin: "a\nb", size: 1, root: Hash.zero) }
        #expect(throws: CheckpointError.self) { try Checkpoint(origin: "", size: 1, root: Hash.zero) }
    }
}
