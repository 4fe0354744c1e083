import Crypto
import Foundation

/// What the ledger's key and a witness's key share: an Ed25519 public key and a name,
/// identified by the C2SP key id SHA-256(name ‖ "\n" ‖ type ‖ key)[:4] and published as the
/// verifier key `name+keyid+base64(type ‖ key)`. Only the signature type byte differs — 0x01
/// for plain signed-note signatures, 0x04 for tlog-cosignature/v1 — which is what keeps a
/// cosignature from ever passing for a log signature (see docs/WITNESSES.md).
struct NoteKey: Sendable, Hashable {
    let name: String
    let key: Curve25519.Signing.PublicKey
    let type: UInt8

    init(name: String, key: Curve25519.Signing.PublicKey, type: UInt8) {
        self.name = name
        self.key = key
        self.type = type
    }

    init(name: String, rawRepresentation: some DataProtocol, type: UInt8) throws(SigningKeyError) {
        try Self.checkName(name)
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: Array(rawRepresentation))
        } catch {
            throw SigningKeyError(.malformedKey, "an Ed25519 public key is 32 bytes")
        }
        self.name = name
        self.type = type
    }

    /// Refuses a name that cannot label a signature line (C2SP: non-empty, no whitespace, no '+').
    static func checkName(_ name: String) throws(SigningKeyError) {
        guard LedgerPublicKey.isValidKeyName(name) else {
            throw SigningKeyError(
                .invalidKeyName, "key name must be non-empty with no whitespace or '+', got \(String(reflecting: name))"
            )
        }
    }

    /// First 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ key), big-endian.
    var keyId: UInt32 {
        var input = Array(name.utf8)
        input.append(UInt8(ascii: "\n"))
        input.append(type)
        input.append(contentsOf: key.rawRepresentation)
        return Array(SHA256.hash(data: input)).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// `keyId` as 8 hex digits.
    var keyIdHex: String {
        let hex = String(keyId, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `name+keyid+base64(type ‖ key)`.
    var verifierKey: String {
        var blob = [type]
        blob.append(contentsOf: key.rawRepresentation)
        return "\(name)+\(keyIdHex)+\(Data(blob).base64EncodedString())"
    }

    /// Parses a verifier key of signature type `type`, checking that its key id matches its
    /// name and key. `wrongType` words the refusal of a well-formed key of another type; without
    /// it such a key is refused as malformed.
    static func parse(
        verifierKey text: String, type: UInt8, wrongType: ((UInt8) -> String)? = nil
    ) throws(SigningKeyError) -> NoteKey {
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        let malformed = SigningKeyError(
            .malformedKey,
            "expected \"<name>+<8 hex key id>+<base64 of 0x0\(type) and 32 key bytes>\"")
        guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33,
            let found = blob.first
        else { throw malformed }
        guard found == type else {
            guard let wrongType else { throw malformed }
            throw SigningKeyError(.malformedKey, wrongType(found))
        }
        let key = try NoteKey(name: String(parts[0]), rawRepresentation: blob.dropFirst(), type: type)
        guard parts[1] == key.keyIdHex else {
            throw SigningKeyError(
                .malformedKey, "key id \(parts[1]) does not match the name and key (expected \(key.keyIdHex))")
        }
        return key
    }

    static func == (lhs: NoteKey, rhs: NoteKey) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(key.rawRepresentation)
    }
}
