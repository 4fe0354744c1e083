import ArgumentParser
import Audit
import Foundation

struct WitnessKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a witness cosigning key (Ed25519, cosignature/v1).",
        discussion: """
            Writes the private key to --out (mode 0600, never overwritten) and the verifier key \
            (name+keyid+base64, type 0x04) to --public-out, default the --out path with .pub. \
            Give the .pub file to the secretariat (`ledger serve --witness`) and to every verifier \
            (`ledger verify-proof --witness-key`).
            """)

    @Option(help: "The witness's name on its cosignatures, e.g. witness.finance-bureau.example.") var name: String
    @Option(help: "Where to write the private key (must not exist).") var out: String
    @Option(help: "Where to write the public verifier key.") var publicOut: String?

    func run() throws {
        let key = try CosignerSigningKey.generate(name: name)
        let publicPath = publicOut ?? (out.hasSuffix(".key") ? String(out.dropLast(4)) + ".pub" : out + ".pub")
        try key.write(to: out)
        try key.publicKey.write(to: publicPath)
        print("witness key \(key.publicKey.keyIdHex) written to \(out) (0600); verifier key in \(publicPath):")
        print(key.publicKey.verifierKey)
    }
}
