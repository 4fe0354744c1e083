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

    /// Prefix of the C2SP signer-key text form kept in key files.
    static let fileTag = "PRIVATE+KEY+"

    private init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    /// A fresh random key.
    public static func generate(name: String) throws(SigningKeyError) -> LedgerSigningKey {
        guard LedgerPublicKey.isValidKeyName(name) else {
            throw SigningKeyError(
                .invalidKeyName, "key name must be non-empty with no whitespace or '+', got \(String(reflecting: name))"
            )
        }
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
        var blob = [LedgerPublicKey.ed25519Algorithm]
        blob.append(contentsOf: privateKey.rawRepresentation)
        let text = "\(Self.fileTag)\(name)+\(publicKey.noteKeyIdHex)+\(Data(blob).base64EncodedString())\n"
        try KeyFile.publish(Array(text.utf8), to: path, mode: 0o600, replacing: false)
    }

    /// Loads a key file, refusing one that group or others may read or write.
    public static func load(from path: String) throws(SigningKeyError) -> LedgerSigningKey {
        let (bytes, mode) = try KeyFile.contents(of: path)
        guard mode & 0o077 == 0 else {
            throw SigningKeyError(
                .insecurePermissions, path: path,
                "mode is \(String(mode, radix: 8)); run chmod 600 on it (only the owner may access a private key)")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let malformed = SigningKeyError(
            .malformedKey, path: path, "expected \"PRIVATE+KEY+<name>+<key id>+<base64 key>\"")
        guard text.hasPrefix(fileTag) else { throw malformed }
        let parts = text.dropFirst(fileTag.count).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, LedgerPublicKey.isValidKeyName(parts[0]),
            let blob = Data(base64Encoded: String(parts[2])), blob.count == 33,
            blob.first == LedgerPublicKey.ed25519Algorithm,
            let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst())
        else { throw malformed }
        let key = LedgerSigningKey(name: String(parts[0]), privateKey: privateKey)
        guard key.publicKey.noteKeyIdHex == parts[1] else {
            throw SigningKeyError(
                .malformedKey, path: path,
                "key id \(parts[1]) does not match the key (expected \(key.publicKey.noteKeyIdHex))")
        }
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
