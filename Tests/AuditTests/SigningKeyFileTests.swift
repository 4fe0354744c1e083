import Audit
import Foundation
import Testing

@Suite("Signing key files")
final class SigningKeyFileTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    @Test func writesKeyFileWithMode0600AndLoadsItBack() throws {
        let key = try LedgerSigningKey.generate(name: "ledger.example")
        let file = path("signing.key")
        try key.write(to: file)
        #expect(try mode(of: file) == 0o600)
        let loaded = try LedgerSigningKey.load(from: file)
        #expect(loaded.publicKey == key.publicKey)
        let checkpoint = try Checkpoint(origin: "ledger.example", size: 0, root: Merkle.emptyRoot)
        #expect(try loaded.sign(checkpoint).verify(with: key.publicKey))
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["signing.key"])
    }

    @Test func refusesToOverwriteAnExistingKey() throws {
        let file = path("signing.key")
        try LedgerSigningKey.generate(name: "a").write(to: file)
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let error = #expect(throws: SigningKeyError.self) { try LedgerSigningKey.generate(name: "b").write(to: file) }
        #expect(error?.code == .fileExists)
        #expect(error?.path == file)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == original)
    }

    @Test func loadErrorsNameTheFile() throws {
        let missing = path("absent.key")
        let error = #expect(throws: SigningKeyError.self) { try LedgerSigningKey.load(from: missing) }
        #expect(error?.code == .fileNotFound)
        #expect(error?.description.contains(missing) == true)
        #expect(error?.errorDescription?.contains(missing) == true)

        let garbage = path("garbage.key")
        _ = FileManager.default.createFile(
            atPath: garbage, contents: Data("hello\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: SigningKeyError.self) { try LedgerSigningKey.load(from: garbage) }
    }

    @Test func refusesAKeyFileOthersCanRead() throws {
        let file = path("open.key")
        try LedgerSigningKey.generate(name: "a").write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let error = #expect(throws: SigningKeyError.self) { try LedgerSigningKey.load(from: file) }
        #expect(error?.code == .insecurePermissions)
    }

    @Test func descriptionNeverContainsPrivateBytes() throws {
        let key = try LedgerSigningKey.generate(name: "ledger.example")
        let file = path("signing.key")
        try key.write(to: file)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        let blobText = try #require(stored.split(separator: "+", maxSplits: 4).last).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let seed = try #require(Data(base64Encoded: blobText)).dropFirst()
        #expect(seed.count == 32)
        let secrets = [
            blobText, seed.base64EncodedString(), seed.map { String(format: "%02x", $0) }.joined(),
            "\(Array(seed))",
        ]
        var dumped = ""
        dump(key, to: &dumped)
        for rendering in [key.description, key.debugDescription, String(reflecting: key), "\(key)", dumped] {
            for secret in secrets {
                #expect(!rendering.contains(secret))
            }
            #expect(rendering.contains("ledger.example"))
        }
    }

    @Test func publicKeyFileRoundTrips() throws {
        let key = try LedgerSigningKey.generate(name: "ledger.example")
        let file = path("ledger.pub.json")
        try key.publicKey.write(to: file)
        try key.publicKey.write(to: file)  // Public keys may be re-exported.
        #expect(try LedgerPublicKey.load(from: file) == key.publicKey)
        let json = try String(contentsOfFile: file, encoding: .utf8)
        #expect(json.contains("\"publicKey\" : \"\(key.publicKey.base64)\""))
        #expect(try LedgerPublicKey(verifierKey: key.publicKey.verifierKey) == key.publicKey)
        #expect(try LedgerPublicKey(fileContents: Data((key.publicKey.verifierKey + "\n").utf8)) == key.publicKey)
    }

    /// Base64 may contain '+', the field separator: only the first fields may be split on it.
    @Test func keysWhoseBase64ContainsPlusRoundTrip() throws {
        for index in 0..<24 {
            let key = try LedgerSigningKey.generate(name: "ledger.example")
            #expect(try LedgerPublicKey(verifierKey: key.publicKey.verifierKey) == key.publicKey)
            let file = path("k\(index).key")
            try key.write(to: file)
            #expect(try LedgerSigningKey.load(from: file).publicKey == key.publicKey)
        }
    }

    @Test func rejectsMismatchedVerifierKeyAndBadNames() throws {
        let key = try LedgerSigningKey.generate(name: "ledger.example")
        let parts = key.publicKey.verifierKey.split(separator: "+", maxSplits: 2)
        let forged = "\(parts[0])+00000000+\(parts[2])"
        #expect(throws: SigningKeyError.self) { try LedgerPublicKey(verifierKey: forged) }
        for name in ["", "has space", "plus+sign", "tab\t"] {
            let error = #expect(throws: SigningKeyError.self) { try LedgerSigningKey.generate(name: name) }
            #expect(error?.code == .invalidKeyName)
        }
    }
}
