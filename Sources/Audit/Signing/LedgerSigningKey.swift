import Crypto
import Foundation

/// The ledger's Ed25519 checkpoint-signing key, with its signed-note key name.
///
/// The private bytes leave this type only through `write(to:)`: `description`,
/// `debugDescription` and reflection (`dump`, debuggers) show the public half alone, so a
/// stray log line cannot leak the key.
public struct LedgerSigningKey: Sendable {
    /// The key name on signature lines; usually the checkpoint origin.
    public let name: String
    private let privateKey: Curve25519.Signing.PrivateKey

    private init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    /// A fresh random key.
    public static func generate(name: String) throws(SigningKeyError) -> LedgerSigningKey {
        try NoteKey.checkName(name)
        return LedgerSigningKey(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    /// The verifying half, to publish next to exports.
    public var publicKey: LedgerPublicKey {
        LedgerPublicKey(name: name, key: privateKey.publicKey)
    }

    /// Signs the checkpoint's note text, producing the single-signature signed note.
    public func sign(_ checkpoint: Checkpoint) throws(SigningKeyError) -> SignedCheckpoint {
        let signature: Data
        do {
            signature = try privateKey.signature(for: Array(checkpoint.noteText.utf8))
        } catch {
            throw SigningKeyError(.signingFailed, "signing checkpoint \(checkpoint.size): \(error)")
        }
        let line = NoteSignature(keyName: name, keyId: publicKey.noteKeyId, signature: Array(signature))
        return SignedCheckpoint(checkpoint: checkpoint, signatures: [line])
    }

    /// Writes the key as `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)` to a new file that is
    /// created with mode 0600 and never existed with wider permissions. Refuses to overwrite.
    public func write(to path: String) throws(SigningKeyError) {
        try PrivateKeyFile.write(
            name: name, keyIdHex: publicKey.noteKeyIdHex, algorithm: LedgerPublicKey.ed25519Algorithm,
            privateKey: privateKey, to: path)
    }

    /// Loads a key file, refusing one that group or others may read or write.
    public static func load(from path: String) throws(SigningKeyError) -> LedgerSigningKey {
        let expected = "PRIVATE+KEY+<name>+<key id>+<base64 key>"
        let file = try PrivateKeyFile.read(from: path, expected: expected)
        guard file.algorithm == LedgerPublicKey.ed25519Algorithm else {
            throw SigningKeyError(.malformedKey, path: path, "expected \"\(expected)\"")
        }
        let key = LedgerSigningKey(name: file.name, privateKey: file.privateKey)
        try file.checkKeyId(of: key.publicKey.note, path: path)
        return key
    }
}

extension LedgerSigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "LedgerSigningKey(\(publicKey.verifierKey))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "publicKey": publicKey.verifierKey], displayStyle: .struct)
    }
}
