import ArgumentParser
import Audit
import ConsortiumLedger
import Domain
import Foundation
import LedgerClient

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Record one event, given as a JSON import line.",
        discussion: """
            The event is the import form of docs/DOMAIN.md (Import line), e.g.

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
                if try RemoteAppendCommand.appendEachLine(input, signer: signer, remote: remote) > 0 {
                    throw ExitCode(1)
                }
                return
            }
            let text = json ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            return print(try RemoteAppendCommand.appendOne(text, signer: signer, remote: remote))
        }
        if lines { return try appendEachLine(signer: signer) }
        let text: String
        do {
            text = try json ?? UTF8Check.decode(FileHandle.standardInput.readDataToEndOfFile(), what: "standard input")
        } catch {
            throw CLIError("\(error)")
        }
        let line: ImportLine
        do {
            line = try ImportLine.parse(json: text)
        } catch {
            throw CLIError("\(error.field): \(error.secretaryMessage)")
        }
        let batch = [(json: text, prepared: try PreparedLine.preparing(line, signer: signer))]
        var outcome: Result<String, any Error>?
        try AppendRoute(ledgerPath: ledger.path).append([batch]) { _, result in
            outcome = result.map {
                Self.describe(sequence: $0.sequences.first ?? 0, duplicate: $0.duplicates.first == true, line)
            }
        }
        if let described = try outcome?.get() { print(described) }
    }

    /// `--lines`: every line its own append; a bad line is reported and the others still go in.
    private func appendEachLine(signer: MemberKeyPair?) throws {
        let input = try Self.linesText(FileHandle.standardInput.readDataToEndOfFile())
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
            case .success(let result):
                let described = Self.describe(
                    sequence: result.sequences.first ?? 0, duplicate: result.duplicates.first == true, line)
                print("line \(number): " + described)
            case .failure(let error):
                failures += 1
                Terminal.printError("line \(number): \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Standard input for `--lines`, refused whole if any byte is not UTF-8 (named by line and
    /// offset): a repaired line would be recorded altered, a skipped one silently lost.
    private static func linesText(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        guard let offset = UTF8Check.firstInvalidOffset(in: bytes) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let inLine = InvalidUTF8(
            what: "line \(line) of standard input", offset: offset - lineStart, byte: bytes[offset])
        throw CLIError("\(inLine) (byte \(offset) of the input); nothing was written")
    }

    private static func describe(sequence: UInt64, duplicate: Bool, _ line: ImportLine) -> String {
        if duplicate {
            return "already recorded at sequence \(sequence) (same id and content); nothing written"
        }
        return "appended \(line.type) at sequence \(sequence) on stream \(line.streamId)"
    }
}
