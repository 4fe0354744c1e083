import Crypto
import Foundation

/// The ledger's checkpoint-verifying key: an Ed25519 public key plus the key name that
/// appears on signature lines.
///
/// This is everything a third party needs to check checkpoints, so it has a text form
/// (the C2SP verifier key `name+keyid+base64(0x01 ‖ key)`) and a small JSON file form.
public struct LedgerPublicKey: Sendable, Hashable {
    let note: NoteKey

    /// Algorithm byte for Ed25519 in C2SP signed-note key ids and verifier keys.
    static let ed25519Algorithm: UInt8 = 0x01

    public init(name: String, rawRepresentation: some DataProtocol) throws(SigningKeyError) {
        note = try NoteKey(name: name, rawRepresentation: rawRepresentation, type: Self.ed25519Algorithm)
    }

    init(name: String, key: Curve25519.Signing.PublicKey) {
        note = NoteKey(name: name, key: key, type: Self.ed25519Algorithm)
    }

    /// The key name on signature lines.
    public var name: String { note.name }
    var key: Curve25519.Signing.PublicKey { note.key }

    /// The 32 raw key bytes.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// Base64 of the raw key, for configuration files and logs.
    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ key): ties signature lines to this key.
    public var noteKeyId: UInt32 { note.keyId }

    /// `noteKeyId` as 8 hex digits, as it appears in verifier keys.
    public var noteKeyIdHex: String { note.keyIdHex }

    /// The C2SP verifier key string, e.g. `consortium.example/ledger+1a2b3c4d+AeW…`.
    public var verifierKey: String { note.verifierKey }

    /// Parses a verifier key, checking that its key id matches its name and key.
    public init(verifierKey: String) throws(SigningKeyError) {
        note = try NoteKey.parse(verifierKey: verifierKey, type: Self.ed25519Algorithm)
    }

    /// Whether `name` may label a signature line (C2SP: non-empty, no whitespace, no '+').
    public static func isValidKeyName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }
}

extension LedgerPublicKey: CustomStringConvertible {
    public var description: String { verifierKey }
}
