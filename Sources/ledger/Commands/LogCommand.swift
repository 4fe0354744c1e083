import ArgumentParser
import ConsortiumLedger
import Domain
import Foundation

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show recorded events by sequence range or by stream.",
        discussion: "JSONL output is the import form plus the recorded envelope and hashes; it can be imported again.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var remoteOptions: RemoteOptions

    @Option(help: "First sequence to show.") var from: UInt64 = 1
    @Option(help: "Last sequence to show.") var to: UInt64?
    @Option(help: "Show only this stream (e.g. agreement-A1).") var stream: String?
    @Option(help: "Show at most this many events.") var limit: Int = 100
    @Flag(help: "Newest first.") var backward = false
    @Option(help: "table or jsonl (default: table on a terminal, jsonl otherwise).") var format: OutputFormat?

    func validate() throws {
        if let format, format != .table && format != .jsonl { throw ValidationError("--format must be table or jsonl") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        if let remote = try remoteOptions.ledger() {
            if to != nil || stream != nil || backward {
                throw CLIError(
                    "--to, --stream and --backward are not available with --remote (pages go by --from and --limit)")
            }
            return try RemoteReads.log(from: from, limit: limit, format: format, remote: remote)
        }
        let opened = try Ledger(path: ledger.path)
        let events =
            try stream.map { try opened.events(inStream: $0, backward: backward, limit: limit) }
            ?? opened.events(from: from, through: to ?? .max, backward: backward, limit: limit)
        let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .jsonl)
        if chosen == .jsonl {
            var out = ""
            for event in events {
                out += JSONValue.object(try event.exportObject()).serialized()
                out += "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            return
        }
        let rows = events.map { e in
            [String(e.sequence), e.occurredTimestamp.description, e.type, e.stream, String(e.version), e.actor, e.id]
        }
        print(Terminal.table(["seq", "occurredAt", "type", "stream", "v", "actor", "id"], rows))
    }
}
