import Foundation

extension MemberKeyPair {
    static let fileTag = "CONSORTIUM-MEMBER-KEY+"

    /// Writes the private key to a new file created with mode 0600 (never overwrites).
    /// Format: `CONSORTIUM-MEMBER-KEY+<key id>+<base64 private key>`.
    public func write(to path: String) throws(SigningKeyError) {
        let text = "\(Self.fileTag)\(keyId)+\(Data(privateKeyBytes).base64EncodedString())\n"
        try KeyFile.publish(Array(text.utf8), to: path, mode: 0o600, replacing: false)
    }

    /// Loads a member key file, refusing one that group or others may read or write.
    public static func load(from path: String) throws(SigningKeyError) -> MemberKeyPair {
        let (bytes, mode) = try KeyFile.contents(of: path)
        guard mode & 0o077 == 0 else {
            throw SigningKeyError(
                .insecurePermissions, path: path,
                "mode is \(String(mode, radix: 8)); run chmod 600 on it (only the owner may access a private key)")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.dropFirst(fileTag.count).split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.hasPrefix(fileTag), parts.count == 2, let raw = Data(base64Encoded: String(parts[1])),
            let pair = try? MemberKeyPair(privateKey: raw), pair.keyId == parts[0]
        else {
            throw SigningKeyError(.malformedKey, path: path, "expected \"\(fileTag)<key id>+<base64 private key>\"")
        }
        return pair
    }
}
