import ArgumentParser
import Audit
import Foundation

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a member signing key (Ed25519) and print its MemberKeyRegistered event.",
        discussion: """
            The private key is written to --out with mode 0600 and never printed. Have the secretariat \
            record the printed MemberKeyRegistered event; then sign with `ledger append|import --sign-with FILE`.
            """)

    @Option(help: "The member the key belongs to.") var member: String
    @Option(help: "Where to write the private key (must not exist).") var out: String
    @Option(help: "Secretariat member id to put as the event's actor.") var actor: String?

    func run() throws {
        let pair = MemberKeyPair()
        try pair.write(to: out)
        let publicKey = Data(pair.publicKey).base64EncodedString()
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        print("key id \(pair.keyId) written to \(out) (0600)")
        print(
            #"{"type":"MemberKeyRegistered","occurredAt":"\#(today)","actor":"\#(actor ?? "SECRETARIAT")","data":{"memberId":"\#(member)","publicKey":"\#(publicKey)"}}"#)
    }
}
