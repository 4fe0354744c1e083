import Foundation

/// One signature line of a C2SP signed note: `— <keyName> <base64(keyId ‖ signature)>`.
///
/// Lines from keys we do not know (a witness's cosignature, say) are kept verbatim so a
/// note survives a parse-and-serialise round trip unchanged.
public struct NoteSignature: Sendable, Hashable {
    /// The signer's key name; together with `keyId` it selects the verifying key.
    public let keyName: String
    /// First 4 bytes (big-endian) of SHA-256(keyName ‖ "\n" ‖ 0x01 ‖ publicKey).
    public let keyId: UInt32
    /// The raw signature (64 bytes for Ed25519; other algorithms may differ).
    public let signature: [UInt8]

    public init(keyName: String, keyId: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyId = keyId
        self.signature = signature
    }

    /// The line as it appears in the note, including the trailing newline.
    public var line: String {
        var blob: [UInt8] = withUnsafeBytes(of: keyId.bigEndian) { Array($0) }
        blob.append(contentsOf: signature)
        return "\u{2014} \(keyName) \(Data(blob).base64EncodedString())\n"
    }

    /// Parses one line (without its newline); `lineNumber` only labels errors.
    init(parsing text: Substring, lineNumber: Int) throws(CheckpointError) {
        let prefix = "\u{2014} "
        guard text.hasPrefix(prefix) else {
            throw CheckpointError(
                .malformedSignature, line: lineNumber, "signature line must start with an em dash and a space")
        }
        let parts = text.dropFirst(prefix.count).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, LedgerPublicKey.isValidKeyName(parts[0]) else {
            throw CheckpointError(
                .malformedSignature, line: lineNumber,
                "expected \"— <key name> <base64 signature>\" with a name free of spaces and '+'")
        }
        guard let blob = Data(base64Encoded: String(parts[1])), blob.count >= 5 else {
            throw CheckpointError(
                .malformedSignature, line: lineNumber, "signature is not base64 of a key id and signature")
        }
        let bytes = [UInt8](blob)
        self.keyName = String(parts[0])
        self.keyId = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        self.signature = Array(bytes[4...])
    }
}
