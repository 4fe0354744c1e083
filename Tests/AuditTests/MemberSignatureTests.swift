import Audit
import Foundation
import Testing

@Suite("Member signatures")
struct MemberSignatureTests {
    let member = MemberKeyPair()
    let message = Array(#"{"type":"ApprenticeEnrolled","seq":42}"#.utf8)

    @Test func signatureVerifiesWithTheMembersPublicKey() throws {
        let signature = try member.sign(message)
        #expect(signature.rawRepresentation.count == 64)
        #expect(signature.isValid(for: message, publicKey: member.publicKey))
        #expect(try MemberSignature(base64: signature.base64) == signature)
        let viaBytes = try MemberSignature.sign(message, privateKey: member.privateKeyBytes)
        #expect(viaBytes.isValid(for: message, publicKey: member.publicKey))
    }

    @Test func wrongMessageKeyOrSignatureFails() throws {
        let signature = try member.sign(message)
        #expect(!signature.isValid(for: message + [0x20], publicKey: member.publicKey))
        #expect(!signature.isValid(for: message, publicKey: MemberKeyPair().publicKey))
        var bytes = signature.rawRepresentation
        bytes[10] ^= 0x80
        #expect(!(try MemberSignature(rawRepresentation: bytes)).isValid(for: message, publicKey: member.publicKey))
    }

    @Test func malformedInputIsRejectedNotFatal() {
        let signature = try? member.sign(message)
        #expect(signature?.isValid(for: message, publicKey: [UInt8](repeating: 1, count: 5)) == false)
        #expect(throws: SigningKeyError.self) { try MemberSignature(rawRepresentation: [1, 2, 3]) }
        #expect(throws: SigningKeyError.self) { try MemberSignature(base64: "not base64!") }
        #expect(throws: SigningKeyError.self) { try MemberKeyPair(privateKey: [1, 2]) }
    }

    @Test func keyIdIsHexOfFirstEightBytesOfSHA256() {
        let expected = Hash.sha256(member.publicKey).hex.prefix(16)
        #expect(MemberSignature.keyId(of: member.publicKey) == String(expected))
        #expect(member.keyId.count == 16)
    }

    @Test func keyPairRestoresFromPrivateBytesAndHidesThem() throws {
        let restored = try MemberKeyPair(privateKey: member.privateKeyBytes)
        #expect(restored.publicKey == member.publicKey)
        let secretHex = member.privateKeyBytes.map { String(format: "%02x", $0) }.joined()
        let secretBase64 = Data(member.privateKeyBytes).base64EncodedString()
        var dumped = ""
        dump(member, to: &dumped)
        for rendering in [member.description, String(reflecting: member), dumped] {
            #expect(!rendering.contains(secretHex))
            #expect(!rendering.contains(secretBase64))
        }
    }
}
