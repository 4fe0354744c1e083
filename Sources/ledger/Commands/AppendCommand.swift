import ArgumentParser
import Audit
import ConsortiumLedger
import Domain
import EventStore
import Foundation
import LedgerClient

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Record one event, given as a JSON import line.",
        discussion: """
            The event is the DOMAIN.md import form, e.g.

              ledger append '{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"gov-1","data":{"memberId":"s1","name":"City Vocational College","kind":"school"}}'

            Without an argument the JSON is read from standard input. Give an "id" to make \
            re-sending safe (the same id and content is recorded once); "expectedVersion" guards \
            against concurrent changes to the event's stream. Nothing is written on any error. \
            When `ledger serve` runs for the ledger, the event goes through it (group commit); \
            otherwise it is written directly. Either way it is durable when this command says so.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var remoteOptions: RemoteOptions

    @Argument(help: "The event as one JSON object (default: read standard input).")
    var json: String?

    @Option(help: "Sign the event as its actor with this member key file (see `ledger keygen`).")
    var signWith: String?

    @Flag(help: "Read JSON lines from standard input; each line is its own durable append, reported on its own line.")
    var lines = false

    @Option(help: "With --lines through `ledger serve`: how many lines may await their commit at once.")
    var inFlight = 32

    func validate() throws {
        if lines && json != nil { throw ValidationError("--lines reads standard input; give no JSON argument") }
        if inFlight < 1 { throw ValidationError("--in-flight must be at least 1") }
    }

    func run() throws {
        let signer = try signWith.map { try MemberKeyPair.load(from: $0) }
        if let remote = try remoteOptions.ledger() {
            if lines {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                if try RemoteAppendCommand.appendEachLine(input, signer: signer, remote: remote) > 0 { throw ExitCode(1) }
                return
            }
            let text = json ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            return print(try RemoteAppendCommand.appendOne(text, signer: signer, remote: remote))
        }
        if lines { return try appendEachLine(signer: signer) }
        let text = json ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let line: ImportLine
        do {
            line = try ImportLine.parse(json: text)
        } catch {
            throw CLIError("\(error.field): \(error.secretaryMessage)")
        }
        let batch = [(json: text, prepared: try PreparedLine.preparing(line, signer: signer))]
        var outcome: Result<AppendResult, any Error>?
        try AppendRoute(ledgerPath: ledger.path).append([batch]) { _, result in outcome = result }
        if let result = try outcome?.get() { print(Self.describe(result, line)) }
    }

    /// `--lines`: every line its own append; a bad line is reported and the others still go in.
    private func appendEachLine(signer: MemberKeyPair?) throws {
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        var failures = 0
        var batches: [AppendRoute.Batch] = []
        var parsed: [(number: Int, line: ImportLine)] = []
        for (offset, text) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !text.allSatisfy(\.isWhitespace) {
            do {
                let line = try ImportLine.parse(json: String(text))
                batches.append([(String(text), try PreparedLine.preparing(line, signer: signer))])
                parsed.append((offset + 1, line))
            } catch let error as ImportFieldError {
                failures += 1
                Terminal.printError("line \(offset + 1): \(error.field): \(error.secretaryMessage)")
            }
        }
        try AppendRoute(ledgerPath: ledger.path, window: inFlight).append(batches) { index, outcome in
            let (number, line) = parsed[index]
            switch outcome {
            case .success(let result): print("line \(number): " + Self.describe(result, line))
            case .failure(let error):
                failures += 1
                Terminal.printError("line \(number): \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private static func describe(_ result: AppendResult, _ line: ImportLine) -> String {
        let sequence = result.sequences.first ?? 0
        if result.duplicates.first == true {
            return "already recorded at sequence \(sequence) (same id and content); nothing written"
        }
        return "appended \(line.type) at sequence \(sequence) on stream \(line.streamId)"
    }
}
