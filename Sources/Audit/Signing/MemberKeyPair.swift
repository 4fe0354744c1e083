import Crypto
import Foundation

/// A member's Ed25519 key pair as plain bytes, for tools that enrol members and sign
/// submissions (generators, tests, a member's own client) without importing swift-crypto.
///
/// Like `LedgerSigningKey`, it never prints its private half.
public struct MemberKeyPair: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A fresh random key pair.
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// Restores a key pair from its 32-byte private key (seed).
    public init(privateKey: some DataProtocol) throws(SigningKeyError) {
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(privateKey))
        } catch {
            throw SigningKeyError(.malformedKey, "an Ed25519 private key is 32 bytes")
        }
    }

    /// The 32 bytes a member registers in its key-registration event.
    public var publicKey: [UInt8] { Array(key.publicKey.rawRepresentation) }

    /// The private seed, for the member's own secure storage. Handle with care.
    public var privateKeyBytes: [UInt8] { Array(key.rawRepresentation) }

    /// `MemberSignature.keyId(of: publicKey)`.
    public var keyId: String { MemberSignature.keyId(of: publicKey) }

    /// Signs canonical bytes.
    public func sign(_ message: some DataProtocol) throws(SigningKeyError) -> MemberSignature {
        try MemberSignature.sign(message, with: key)
    }
}

extension MemberKeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "MemberKeyPair(keyId: \(keyId))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["keyId": keyId], displayStyle: .struct)
    }
}
