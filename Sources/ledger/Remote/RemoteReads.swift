import ConsortiumLedger
import Domain
import Foundation
import LedgerClient

/// `ledger query|log --remote URL`: the server answers with the text a local command prints
/// (JSON, CSV, JSON lines); tables are drawn here from the CSV or the JSON lines.
enum RemoteReads {
    static func query(
        _ path: String, _ parameters: [(String, String?)], asOf: String?, format: OutputFormat?, remote: RemoteLedger
    )
        throws
    {
        var query = parameters.compactMap { name, value in value.map { (name, $0) } }
        if let asOf { query.append(("asOf", asOf)) }
        let chosen = format ?? (Terminal.stdoutIsTerminal ? .table : .json)
        let accept = chosen == .json ? "application/json" : "text/csv"
        let pairs = query
        let text = try remoteCall { try await remote.get(path, query: pairs, accept: accept) }
        guard chosen == .table else {
            print(text, terminator: "")
            return
        }
        let rows = (try? CSVReader.rows(text).map(\.fields)) ?? []
        guard let header = rows.first else { return print("(no rows)") }
        print(Terminal.table(header.map(ReportPrinter.yuanLabel), Array(rows.dropFirst())))
        if rows.count == 1 { print("(no rows)") }
    }

    static func log(from: UInt64, limit: Int, format: OutputFormat?, remote: RemoteLedger) throws {
        let text = try remoteCall {
            try await remote.get(
                "/v1/events", query: [("from", String(from)), ("limit", String(limit))], accept: "application/x-ndjson")
        }
        if (format ?? (Terminal.stdoutIsTerminal ? .table : .jsonl)) == .jsonl {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let rows = text.split(separator: "\n").compactMap { line -> [String]? in
            guard case .object(let event) = try? JSONValue.parse(String(line)),
                case .object(let recorded) = event["recorded"]
            else { return nil }
            func text(_ value: JSONValue?) -> String {
                switch value {
                case .string(let s): s
                case .int(let i): String(i)
                default: ""
                }
            }
            return [
                text(recorded["sequence"]), text(event["occurredAt"]), text(event["type"]), text(recorded["stream"]),
                text(recorded["version"]), text(event["actor"]), text(event["id"]),
            ]
        }
        print(Terminal.table(["seq", "occurredAt", "type", "stream", "v", "actor", "id"], rows))
    }
}
