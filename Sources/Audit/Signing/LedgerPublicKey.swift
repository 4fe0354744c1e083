import Crypto
import Foundation

/// The ledger's checkpoint-verifying key: an Ed25519 public key plus the key name that
/// appears on signature lines.
///
/// This is everything a third party needs to check checkpoints, so it has a text form
/// (the C2SP verifier key `name+keyid+base64(0x01 ‖ key)`) and a small JSON file form.
public struct LedgerPublicKey: Sendable, Hashable {
    public let name: String
    let key: Curve25519.Signing.PublicKey

    /// Algorithm byte for Ed25519 in C2SP signed-note key ids and verifier keys.
    static let ed25519Algorithm: UInt8 = 0x01

    public init(name: String, rawRepresentation: some DataProtocol) throws(SigningKeyError) {
        guard Self.isValidKeyName(name) else {
            throw SigningKeyError(
                .invalidKeyName, "key name must be non-empty with no whitespace or '+', got \(String(reflecting: name))"
            )
        }
        do {
            self.key = try Curve25519.Signing.PublicKey(rawRepresentation: Array(rawRepresentation))
        } catch {
            throw SigningKeyError(.malformedKey, "an Ed25519 public key is 32 bytes")
        }
        self.name = name
    }

    init(name: String, key: Curve25519.Signing.PublicKey) {
        self.name = name
        self.key = key
    }

    /// The 32 raw key bytes.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// Base64 of the raw key, for configuration files and logs.
    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ key): ties signature lines to this key.
    public var noteKeyId: UInt32 {
        var input = Array(name.utf8)
        input.append(UInt8(ascii: "\n"))
        input.append(Self.ed25519Algorithm)
        input.append(contentsOf: key.rawRepresentation)
        return Array(SHA256.hash(data: input)).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// `noteKeyId` as 8 hex digits, as it appears in verifier keys.
    public var noteKeyIdHex: String {
        let hex = String(noteKeyId, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The C2SP verifier key string, e.g. `consortium.example/ledger+1a2b3c4d+AeW…`.
    public var verifierKey: String {
        var blob = [Self.ed25519Algorithm]
        blob.append(contentsOf: key.rawRepresentation)
        return "\(name)+\(noteKeyIdHex)+\(Data(blob).base64EncodedString())"
    }

    /// Parses a verifier key, checking that its key id matches its name and key.
    public init(verifierKey: String) throws(SigningKeyError) {
        let parts = verifierKey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33,
            blob.first == Self.ed25519Algorithm
        else {
            throw SigningKeyError(.malformedKey, "expected \"<name>+<8 hex key id>+<base64 of 0x01 and 32 key bytes>\"")
        }
        try self.init(name: String(parts[0]), rawRepresentation: blob.dropFirst())
        guard parts[1] == noteKeyIdHex else {
            throw SigningKeyError(
                .malformedKey, "key id \(parts[1]) does not match the name and key (expected \(noteKeyIdHex))")
        }
    }

    /// Whether `name` may label a signature line (C2SP: non-empty, no whitespace, no '+').
    public static func isValidKeyName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }
}

extension LedgerPublicKey {
    public static func == (lhs: LedgerPublicKey, rhs: LedgerPublicKey) -> Bool {
        lhs.name == rhs.name && lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(key.rawRepresentation)
    }
}

extension LedgerPublicKey: CustomStringConvertible {
    public var description: String { verifierKey }
}
