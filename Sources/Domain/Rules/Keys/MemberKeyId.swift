import Crypto

/// How a member key is named in `MemberKeyRevoked.keyId` and in signed submissions.
///
/// Derived from the key itself (lowercase hex of the first 8 bytes of SHA-256 of the raw
/// 32-byte Ed25519 public key), so the member, the ledger and a third-party verifier all
/// arrive at the same id without the ledger handing ids out.
public enum MemberKeyId {
    /// The raw public key in a `MemberKeyRegistered.publicKey`, or `nil` unless it is
    /// canonical base64 of exactly 32 bytes.
    public static func publicKey(fromBase64 text: String) -> [UInt8]? {
        guard let raw = Base64.decode(text), raw.count == 32 else { return nil }
        return raw
    }

    /// The key id of a raw 32-byte Ed25519 public key.
    public static func derive(publicKey raw: [UInt8]) -> String {
        let digest = SHA256.hash(data: raw)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for byte in digest.prefix(8) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key id of a base64 public key, or `nil` if it is not a valid key.
    public static func derive(base64PublicKey text: String) -> String? {
        publicKey(fromBase64: text).map { derive(publicKey: $0) }
    }
}
