import Crypto
import Foundation

/// A witness's verifying key for C2SP tlog-cosignature/v1 (Ed25519) cosignatures.
///
/// The key id is SHA-256(name ‖ "\n" ‖ 0x04 ‖ key)[:4]: the algorithm byte 0x04, not the
/// 0x01 of plain note signatures, so a cosignature can never pass for a log signature or
/// the other way round even if one Ed25519 key were (wrongly) used for both.
public struct CosignerPublicKey: Sendable, Hashable {
    let note: NoteKey

    /// Signature type byte of cosignature/v1 in key ids and verifier keys.
    static let cosignatureV1Algorithm: UInt8 = 0x04

    init(name: String, key: Curve25519.Signing.PublicKey) {
        note = NoteKey(name: name, key: key, type: Self.cosignatureV1Algorithm)
    }

    public init(name: String, rawRepresentation: some DataProtocol) throws(SigningKeyError) {
        note = try NoteKey(name: name, rawRepresentation: rawRepresentation, type: Self.cosignatureV1Algorithm)
    }

    /// The cosigner's name on signature lines, e.g. `witness.finance-bureau.example`.
    public var name: String { note.name }
    var key: Curve25519.Signing.PublicKey { note.key }

    /// The 32 raw key bytes.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x04 ‖ key), big-endian.
    public var keyId: UInt32 { note.keyId }

    /// `keyId` as 8 hex digits.
    public var keyIdHex: String { note.keyIdHex }

    /// The C2SP verifier key `name+keyid+base64(0x04 ‖ key)`: what a member publishes.
    public var verifierKey: String { note.verifierKey }

    /// Parses a verifier key, checking its type byte and that its key id matches.
    public init(verifierKey: String) throws(SigningKeyError) {
        note = try NoteKey.parse(
            verifierKey: verifierKey.trimmingCharacters(in: .whitespacesAndNewlines), type: Self.cosignatureV1Algorithm
        ) { found in
            "signature type is 0x\(String(found, radix: 16)), expected 0x04 (cosignature/v1); "
                + "is this a log key rather than a witness key?"
        }
    }

    /// Loads a file holding one verifier key line (what `ledger witness keygen` writes as W.pub).
    public static func load(from path: String) throws(SigningKeyError) -> CosignerPublicKey {
        let bytes = try KeyFile.contents(of: path).bytes
        do {
            return try CosignerPublicKey(verifierKey: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw SigningKeyError(error.code, path: path, error.context, errno: error.errno)
        }
    }

    /// Writes the verifier key line (mode 0644), replacing any previous file.
    public func write(to path: String) throws(SigningKeyError) {
        try KeyFile.publish(Array((verifierKey + "\n").utf8), to: path, mode: 0o644, replacing: true)
    }

    /// The timestamp of `line` if it is a valid cosignature/v1 by this key over `checkpoint`.
    public func verify(_ line: NoteSignature, on checkpoint: Checkpoint) -> UInt64? {
        guard line.keyName == name, line.keyId == keyId,
            let cosignature = Cosignature(line.signature)
        else { return nil }
        let message = Cosignature.message(checkpoint, timestamp: cosignature.timestamp)
        return key.isValidSignature(cosignature.signature, for: message) ? cosignature.timestamp : nil
    }
}

extension CosignerPublicKey: CustomStringConvertible {
    public var description: String { verifierKey }
}
