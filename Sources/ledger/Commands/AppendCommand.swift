import ArgumentParser
import Audit
import ConsortiumLedger
import Domain
import Foundation

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Record one event, given as a JSON import line.",
        discussion: """
            The event is the DOMAIN.md import form, e.g.
              ledger append '{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"gov-1",
                              "data":{"memberId":"s1","name":"City Vocational College","kind":"school"}}'
            Without an argument the JSON is read from standard input. Give an "id" to make
            re-sending safe (the same id and content is recorded once); "expectedVersion" guards
            against concurrent changes to the event's stream. Nothing is written on any error.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "The event as one JSON object (default: read standard input).")
    var json: String?

    @Option(help: "Sign the event as its actor with this member key file (see `ledger keygen`).")
    var signWith: String?

    func run() throws {
        let text = json ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let line: ImportLine
        do {
            line = try ImportLine.parse(json: text)
        } catch {
            throw CLIError("\(error.field): \(error.secretaryMessage)")
        }
        let opened = try Ledger(path: ledger.path)
        let signer = try signWith.map { try MemberKeyPair.load(from: $0) }
        let result = try opened.append([line], signer: signer)
        let sequence = result.sequences.first ?? 0
        if result.duplicates.first == true {
            print("already recorded at sequence \(sequence) (same id and content); nothing written")
        } else {
            print("appended \(line.type) at sequence \(sequence) on stream \(line.streamId)")
        }
    }
}
