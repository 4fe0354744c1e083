import Audit

/// One witness a log asks for cosignatures: `NAME=URL,KEYFILE` on the command line, where
/// KEYFILE holds the witness's cosignature/v1 verifier key (what `ledger witness keygen` wrote).
public struct WitnessEndpoint: Sendable, Hashable {
    /// A label for messages (the member running it).
    public let name: String
    /// The submission prefix; `add-checkpoint` is appended.
    public let url: String
    public let key: CosignerPublicKey

    public init(name: String, url: String, key: CosignerPublicKey) {
        self.name = name
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        self.url = base
        self.key = key
    }

    /// Parses `NAME=URL,KEYFILE`, loading the key file.
    public init(parsing text: String) throws(WitnessError) {
        guard let equals = text.firstIndex(of: "="), let comma = text.lastIndex(of: ","), equals < comma else {
            throw WitnessError(.malformedRequest, "--witness \(text): expected NAME=URL,KEYFILE")
        }
        let name = String(text[..<equals])
        let url = String(text[text.index(after: equals)..<comma])
        let keyFile = String(text[text.index(after: comma)...])
        guard !name.isEmpty, url.hasPrefix("http://") || url.hasPrefix("https://"), !keyFile.isEmpty else {
            throw WitnessError(
                .malformedRequest, "--witness \(text): expected NAME=URL,KEYFILE with an http(s) URL")
        }
        let key: CosignerPublicKey
        do { key = try CosignerPublicKey.load(from: keyFile) } catch {
            throw WitnessError(.malformedRequest, "--witness \(name): \(error)")
        }
        self.init(name: name, url: url, key: key)
    }
}
