import Foundation

extension LedgerPublicKey {
    /// The JSON public key file: redundant on purpose (raw key and verifier key), so both
    /// people and C2SP tools can use it.
    struct FileForm: Codable {
        var algorithm: String
        var keyName: String
        var keyId: String
        var publicKey: String
        var verifierKey: String
    }

    /// JSON for the public key file, sorted and pretty so it diffs cleanly.
    public func jsonData() throws(SigningKeyError) -> Data {
        let form = FileForm(
            algorithm: "ed25519", keyName: name, keyId: noteKeyIdHex, publicKey: base64, verifierKey: verifierKey)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(form) + Data("\n".utf8)
        } catch {
            throw SigningKeyError(.malformedKey, "encoding the public key: \(error)")
        }
    }

    /// Reads the JSON file form or a bare verifier-key line.
    public init(fileContents: Data) throws(SigningKeyError) {
        let text = String(decoding: fileContents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("{") else {
            try self.init(verifierKey: text)
            return
        }
        let form: FileForm
        do {
            form = try JSONDecoder().decode(FileForm.self, from: Data(text.utf8))
        } catch {
            throw SigningKeyError(.malformedKey, "not a public key file: \(error)")
        }
        guard form.algorithm == "ed25519" else {
            throw SigningKeyError(.malformedKey, "unsupported algorithm \"\(form.algorithm)\", expected ed25519")
        }
        guard let raw = Data(base64Encoded: form.publicKey) else {
            throw SigningKeyError(.malformedKey, "publicKey is not base64")
        }
        try self.init(name: form.keyName, rawRepresentation: raw)
        guard form.verifierKey == verifierKey else {
            throw SigningKeyError(.malformedKey, "verifierKey does not match keyName and publicKey")
        }
    }

    /// Writes the JSON public key file (mode 0644), atomically replacing any previous one.
    public func write(to path: String) throws(SigningKeyError) {
        try KeyFile.publish(Array(try jsonData()), to: path, mode: 0o644, replacing: true)
    }

    /// Loads a public key file written by `write(to:)` or holding a verifier key.
    public static func load(from path: String) throws(SigningKeyError) -> LedgerPublicKey {
        let contents = try KeyFile.contents(of: path).bytes
        do {
            return try LedgerPublicKey(fileContents: Data(contents))
        } catch {
            throw SigningKeyError(error.code, path: path, error.context, errno: error.errno)
        }
    }
}
