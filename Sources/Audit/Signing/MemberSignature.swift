import Crypto
import Foundation

/// An Ed25519 signature by a consortium member over an event's canonical bytes.
///
/// Members register public keys as events and the audit checks each signed submission
/// against the key valid at that sequence; this type is the cryptographic half of that
/// check, working on raw bytes so callers need not import swift-crypto.
public struct MemberSignature: Sendable, Hashable {
    /// The 64 signature bytes.
    public let rawRepresentation: [UInt8]

    public init(rawRepresentation: some Collection<UInt8>) throws(SigningKeyError) {
        guard rawRepresentation.count == 64 else {
            throw SigningKeyError(.malformedKey, "an Ed25519 signature is 64 bytes, got \(rawRepresentation.count)")
        }
        self.rawRepresentation = Array(rawRepresentation)
    }

    /// Parses the base64 form carried in event envelopes.
    public init(base64: String) throws(SigningKeyError) {
        guard let data = Data(base64Encoded: base64) else {
            throw SigningKeyError(.malformedKey, "signature is not valid base64")
        }
        try self.init(rawRepresentation: data)
    }

    public var base64: String { Data(rawRepresentation).base64EncodedString() }

    /// Signs `message` with a member's 32-byte Ed25519 private key (seed).
    public static func sign(_ message: some DataProtocol, privateKey: some DataProtocol) throws(SigningKeyError)
        -> MemberSignature
    {
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(privateKey))
        } catch {
            throw SigningKeyError(.malformedKey, "an Ed25519 private key is 32 bytes")
        }
        return try sign(message, with: key)
    }

    /// Signs `message` with a swift-crypto key.
    public static func sign(_ message: some DataProtocol, with key: Curve25519.Signing.PrivateKey)
        throws(SigningKeyError) -> MemberSignature
    {
        do {
            return try MemberSignature(rawRepresentation: key.signature(for: message))
        } catch {
            throw SigningKeyError(.signingFailed, "signing member message: \(error)")
        }
    }

    /// Whether this signature over `message` verifies with the 32-byte `publicKey`.
    /// A malformed key is simply `false`: the audit reports it, it does not crash.
    public func isValid(for message: some DataProtocol, publicKey: some DataProtocol) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: Array(publicKey)) else { return false }
        return isValid(for: message, publicKey: key)
    }

    public func isValid(for message: some DataProtocol, publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(rawRepresentation, for: message)
    }

    /// Hex of the first 8 bytes of SHA-256(publicKey): a short, stable name for a member key.
    public static func keyId(of publicKey: some DataProtocol) -> String {
        SHA256.hash(data: publicKey).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    public static func keyId(of publicKey: Curve25519.Signing.PublicKey) -> String {
        keyId(of: publicKey.rawRepresentation)
    }
}
