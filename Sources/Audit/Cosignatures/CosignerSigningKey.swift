import Crypto
import Foundation

/// A witness's Ed25519 cosigning key. Like `LedgerSigningKey`, the private bytes leave this
/// type only through `write(to:)`; printing or reflecting it shows the public half alone.
public struct CosignerSigningKey: Sendable {
    public let name: String
    private let privateKey: Curve25519.Signing.PrivateKey

    private init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    /// A fresh random key named `name` (the witness's name, e.g. `witness.finance.example`).
    public static func generate(name: String) throws(SigningKeyError) -> CosignerSigningKey {
        try NoteKey.checkName(name)
        return CosignerSigningKey(name: name, privateKey: Curve25519.Signing.PrivateKey())
    }

    public var publicKey: CosignerPublicKey { CosignerPublicKey(name: name, key: privateKey.publicKey) }

    /// The cosignature/v1 signature line for `checkpoint` at `timestamp` (POSIX seconds).
    public func cosign(_ checkpoint: Checkpoint, timestamp: UInt64) throws(SigningKeyError) -> NoteSignature {
        let signature: Data
        do {
            signature = try privateKey.signature(for: Cosignature.message(checkpoint, timestamp: timestamp))
        } catch {
            throw SigningKeyError(.signingFailed, "cosigning \(checkpoint.origin) size \(checkpoint.size): \(error)")
        }
        let body = Cosignature(timestamp: timestamp, signature: Array(signature))
        return NoteSignature(keyName: name, keyId: publicKey.keyId, signature: body.bytes)
    }

    /// Writes the key to a new 0600 file; refuses to overwrite (a witness's key is its identity).
    public func write(to path: String) throws(SigningKeyError) {
        try PrivateKeyFile.write(
            name: name, keyIdHex: publicKey.keyIdHex, algorithm: CosignerPublicKey.cosignatureV1Algorithm,
            privateKey: privateKey, to: path)
    }

    /// Loads a key file, refusing one that group or others may read or write.
    public static func load(from path: String) throws(SigningKeyError) -> CosignerSigningKey {
        let file = try PrivateKeyFile.read(
            from: path, expected: "PRIVATE+KEY+<name>+<key id>+<base64 of 0x04 and the seed>")
        guard file.algorithm == CosignerPublicKey.cosignatureV1Algorithm else {
            throw SigningKeyError(
                .malformedKey, path: path, "not a witness key (type byte 0x04 expected); a ledger's checkpoint.key?")
        }
        let key = CosignerSigningKey(name: file.name, privateKey: file.privateKey)
        try file.checkKeyId(of: key.publicKey.note, path: path)
        return key
    }
}

extension CosignerSigningKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "CosignerSigningKey(\(publicKey.verifierKey))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "publicKey": publicKey.verifierKey], displayStyle: .struct)
    }
}
