import Audit
import ConsortiumLedger
import Domain
import Foundation
import LedgerClient

/// `ledger import --remote URL FILE…` (JSONL, JSON array or CSV): every record is parsed and given its id here (content
/// ids for records without one, as a local import does, so re-running never duplicates), then
/// sent in requests of at most 10,000 events, each all or nothing on the server.
enum RemoteImportCommand {
    static let eventsPerRequest = 10_000

    /// With `reportPath`, the bad records go there as a local import's `--report` writes them:
    /// every record that does not parse, else the record the server refused (its problem answer
    /// names it), else nothing (an empty file).
    static func run(
        files: [String], format: ImportInput.Format?, signer: MemberKeyPair?, remote: RemoteLedger,
        reportPath: String? = nil
    ) throws -> String {
        let start = Date()
        var chunks: [(body: [UInt8], signatures: String?, locations: [ImportLocation])] = []
        var types: [String: Int] = [:]
        let lines = try parse(files, format: format, reportPath: reportPath)
        for chunk in stride(from: 0, to: lines.count, by: eventsPerRequest) {
            let slice = lines[chunk..<min(chunk + eventsPerRequest, lines.count)]
            var bodies: [String] = []
            var signatures: [String] = []
            for record in slice {
                let (body, signature) = try RemoteAppendCommand.prepare(record.line, signer: signer)
                bodies.append(String(decoding: body, as: UTF8.self))
                if let signature { signatures.append(signature) }
                types[record.line.type, default: 0] += 1
            }
            chunks.append(
                (
                    Array(("[" + bodies.joined(separator: ",") + "]").utf8),
                    signatures.isEmpty ? nil : signatures.joined(separator: ","), slice.map(\.location)
                ))
        }
        var appended = 0
        var already = 0
        var sent = 0
        for chunk in chunks {
            do {
                let result = try runBlocking { try await remote.append(body: chunk.body, signatures: chunk.signatures) }
                appended += result.duplicates.filter { !$0 }.count
                already += result.duplicates.filter { $0 }.count
            } catch let error as RemoteError {
                if let issue = RemoteImportReport.issue(for: error, locations: chunk.locations) {
                    try RemoteImportReport.write([issue], to: reportPath)
                    let rejected = ImportRejected(issues: [issue], recordsChecked: lines.count)
                    if sent == 0 { throw rejected }
                    throw RemoteImportPartlyRecorded(rejected: rejected, recorded: sent)
                }
                let note =
                    sent > 0
                    ? " (the \(sent) events before this request were recorded; run the import again to continue)" : ""
                throw CLIError("\(error)\(note)")
            }
            sent += chunk.locations.count
        }
        try RemoteImportReport.write([], to: reportPath)
        let seconds = Date().timeIntervalSince(start)
        var out =
            "imported \(appended) events (\(already) already recorded) from \(files.count) file(s)"
            + String(
                format: " in %.2f s: %.0f events/s", seconds, seconds > 0 ? Double(appended + already) / seconds : 0)
        for (type, count) in types.sorted(by: { $0.value > $1.value }) {
            out += "\n  \(type.padding(toLength: 26, withPad: " ", startingAt: 0)) \(count)"
        }
        return out
    }

    /// JSONL, a JSON array or CSV, parsed as a local import parses them (same detection, columns
    /// and messages); any bad record stops everything before a request is sent, naming file,
    /// line or row and field. Records without an id get the content id a local import gives.
    /// Throws ``ImportRejected`` listing every bad record (written to `reportPath` when given).
    /// Every file is read before the bad records are reported, so the report lists them all.
    static func parse(_ files: [String], format: ImportInput.Format?, reportPath: String?) throws
        -> [LocatedImportLine]
    {
        var lines: [LocatedImportLine] = []
        var issues: [ImportIssue] = []
        var checked = 0
        for file in files {
            let input: ImportInput
            do {
                input = try ImportInput(path: file, format: format)
            } catch let error as LedgerError {
                throw CLIError(error.description)
            }
            var ids = ContentIds()
            do {
                let parsed = try input.parsedLines()
                checked += parsed.count
                lines += parsed.map { LocatedImportLine(location: $0.location, line: ids.identified($0.line)) }
            } catch let rejected as ImportRejected {
                issues += rejected.issues
                checked += rejected.recordsChecked
            }
        }
        guard issues.isEmpty else {
            try RemoteImportReport.write(issues, to: reportPath)
            throw ImportRejected(issues: issues, recordsChecked: checked)
        }
        return lines
    }
}
