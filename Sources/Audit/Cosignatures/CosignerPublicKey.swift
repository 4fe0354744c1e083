import Crypto
import Foundation

/// A witness's verifying key for C2SP tlog-cosignature/v1 (Ed25519) cosignatures.
///
/// The key id is SHA-256(name ‖ "\n" ‖ 0x04 ‖ key)[:4]: the algorithm byte 0x04, not the
/// 0x01 of plain note signatures, so a cosignature can never pass for a log signature or
/// the other way round even if one Ed25519 key were (wrongly) used for both.
public struct CosignerPublicKey: Sendable, Hashable {
    /// The cosigner's name on signature lines, e.g. `witness.finance-bureau.example`.
    public let name: String
    let key: Curve25519.Signing.PublicKey

    /// Signature type byte of cosignature/v1 in key ids and verifier keys.
    static let cosignatureV1Algorithm: UInt8 = 0x04

    init(name: String, key: Curve25519.Signing.PublicKey) {
        self.name = name
        self.key = key
    }

    public init(name: String, rawRepresentation: some DataProtocol) throws(SigningKeyError) {
        guard LedgerPublicKey.isValidKeyName(name) else {
            throw SigningKeyError(
                .invalidKeyName, "key name must be non-empty with no whitespace or '+', got \(String(reflecting: name))"
            )
        }
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: Array(rawRepresentation))
        } catch {
            throw SigningKeyError(.malformedKey, "an Ed25519 public key is 32 bytes")
        }
        self.name = name
    }

    /// The 32 raw key bytes.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// First 4 bytes of SHA-256(name ‖ "\n" ‖ 0x04 ‖ key), big-endian.
    public var keyId: UInt32 {
        var input = Array(name.utf8)
        input.append(UInt8(ascii: "\n"))
        input.append(Self.cosignatureV1Algorithm)
        input.append(contentsOf: key.rawRepresentation)
        return Array(SHA256.hash(data: input)).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// `keyId` as 8 hex digits.
    public var keyIdHex: String {
        let hex = String(keyId, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The C2SP verifier key `name+keyid+base64(0x04 ‖ key)`: what a member publishes.
    public var verifierKey: String {
        var blob = [Self.cosignatureV1Algorithm]
        blob.append(contentsOf: key.rawRepresentation)
        return "\(name)+\(keyIdHex)+\(Data(blob).base64EncodedString())"
    }

    /// Parses a verifier key, checking its type byte and that its key id matches.
    public init(verifierKey: String) throws(SigningKeyError) {
        let text = verifierKey.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let blob = Data(base64Encoded: String(parts[2])), blob.count == 33 else {
            throw SigningKeyError(
                .malformedKey, "expected \"<name>+<8 hex key id>+<base64 of 0x04 and 32 key bytes>\"")
        }
        guard blob.first == Self.cosignatureV1Algorithm else {
            throw SigningKeyError(
                .malformedKey,
                "signature type is 0x\(String(blob.first ?? 0, radix: 16)), expected 0x04 (cosignature/v1); "
                    + "is this a log key rather than a witness key?")
        }
        try self.init(name: String(parts[0]), rawRepresentation: blob.dropFirst())
        guard parts[1] == keyIdHex else {
            throw SigningKeyError(
                .malformedKey, "key id \(parts[1]) does not match the name and key (expected \(keyIdHex))")
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

extension CosignerPublicKey {
    public static func == (lhs: CosignerPublicKey, rhs: CosignerPublicKey) -> Bool {
        lhs.name == rhs.name && lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(key.rawRepresentation)
    }
}
