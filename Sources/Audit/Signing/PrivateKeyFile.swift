import Crypto
import Foundation

/// The private-key file of both note signers — the ledger's checkpoint key and a witness's
/// cosigning key: `PRIVATE+KEY+<name>+<key id>+base64(<type byte> ‖ seed)`, mode 0600.
///
/// One reader and writer for both, so the permission check and the parsing cannot drift apart;
/// each key type checks its own type byte and key id.
struct PrivateKeyFile {
    static let tag = "PRIVATE+KEY+"

    let name: String
    let keyIdHex: Substring
    /// The type byte in front of the seed (0x01 Ed25519 note signer, 0x04 cosignature/v1).
    let algorithm: UInt8
    let privateKey: Curve25519.Signing.PrivateKey

    /// Writes the key to a new 0600 file; refuses to overwrite.
    static func write(
        name: String, keyIdHex: String, algorithm: UInt8, privateKey: Curve25519.Signing.PrivateKey,
        to path: String
    ) throws(SigningKeyError) {
        var blob = [algorithm]
        blob.append(contentsOf: privateKey.rawRepresentation)
        let text = "\(tag)\(name)+\(keyIdHex)+\(Data(blob).base64EncodedString())\n"
        try KeyFile.publish(Array(text.utf8), to: path, mode: 0o600, replacing: false)
    }

    /// Reads a key file, refusing one that group or others may read or write; `expected`
    /// describes the format in the error for a file that does not parse.
    static func read(from path: String, expected: String) throws(SigningKeyError) -> PrivateKeyFile {
        let (bytes, mode) = try KeyFile.contents(of: path)
        guard mode & 0o077 == 0 else {
            throw SigningKeyError(
                .insecurePermissions, path: path,
                "mode is \(String(mode, radix: 8)); run chmod 600 on it (only the owner may access a private key)")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let malformed = SigningKeyError(.malformedKey, path: path, "expected \"\(expected)\"")
        guard text.hasPrefix(tag) else { throw malformed }
        let parts = text.dropFirst(tag.count).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, LedgerPublicKey.isValidKeyName(parts[0]),
            let blob = Data(base64Encoded: String(parts[2])), blob.count == 33, let algorithm = blob.first,
            let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst())
        else { throw malformed }
        return PrivateKeyFile(name: String(parts[0]), keyIdHex: parts[1], algorithm: algorithm, privateKey: privateKey)
    }

    /// Refuses a file whose stored key id is not that of `publicKey`, the key it holds.
    func checkKeyId(of publicKey: NoteKey, path: String) throws(SigningKeyError) {
        guard publicKey.keyIdHex == keyIdHex else {
            throw SigningKeyError(
                .malformedKey, path: path,
                "key id \(keyIdHex) does not match the key (expected \(publicKey.keyIdHex))")
        }
    }
}
