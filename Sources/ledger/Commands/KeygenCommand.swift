import ArgumentParser
import Audit
import ConsortiumLedger
import Foundation

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a member signing key (Ed25519) and print its MemberKeyRegistered event.",
        discussion: """
            The private key is written to --out with mode 0600 and never printed. Have the secretariat \
            record the printed MemberKeyRegistered event; then sign with `ledger append|import --sign-with FILE`. \
            The event's actor is --actor, else the secretariat (the lead member) of the ledger at hand \
            (--ledger, $LEDGER_PATH or ./consortium.ledger), else the placeholder SECRETARIAT.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The member the key belongs to.") var member: String
    @Option(help: "Where to write the private key (must not exist).") var out: String
    @Option(help: "Secretariat member id to put as the event's actor (default: the ledger's lead member).")
    var actor: String?

    /// The actor to print: given, or the ledger's secretariat when a chartered ledger is at hand.
    func resolvedActor() throws -> String {
        if let actor { return actor }
        guard FileManager.default.fileExists(atPath: ledger.path) else {
            Terminal.printError(
                "note: "
                    + "no ledger at \(ledger.path): the event's actor is the placeholder SECRETARIAT; edit it or pass --actor"
            )
            return "SECRETARIAT"
        }
        guard let lead = try Ledger(path: ledger.path).secretariatMemberId() else {
            Terminal.printError(
                "note: "
                    + "the ledger at \(ledger.path) is not chartered yet: the event's actor is the placeholder SECRETARIAT"
            )
            return "SECRETARIAT"
        }
        return lead
    }

    func run() throws {
        let actor = try resolvedActor()
        let pair = MemberKeyPair()
        try pair.write(to: out)
        let publicKey = Data(pair.publicKey).base64EncodedString()
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        print("key id \(pair.keyId) written to \(out) (0600)")
        print(
            #"{"type":"MemberKeyRegistered","occurredAt":"\#(today)","actor":"\#(actor)","data":{"memberId":"\#(member)","publicKey":"\#(publicKey)"}}"#
        )
    }
}
