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

    static func run(
        files: [String], format: ImportInput.Format?, signer: MemberKeyPair?, remote: RemoteLedger
    ) throws -> String {
        let start = Date()
        var chunks: [(body: [UInt8], signatures: String?, count: Int)] = []
        var types: [String: Int] = [:]
        for file in files {
            let lines = try parse(file, format: format)
            for (chunkIndex, chunk) in stride(from: 0, to: lines.count, by: eventsPerRequest).enumerated() {
                _ = chunkIndex
                let slice = lines[chunk..<min(chunk + eventsPerRequest, lines.count)]
                var bodies: [String] = []
                var signatures: [String] = []
                for line in slice {
                    let (body, signature) = try RemoteAppendCommand.prepare(line, signer: signer)
                    bodies.append(String(decoding: body, as: UTF8.self))
                    if let signature { signatures.append(signature) }
                    types[line.type, default: 0] += 1
                }
                chunks.append(
                    (
                        Array(("[" + bodies.joined(separator: ",") + "]").utf8),
                        signatures.isEmpty ? nil : signatures.joined(separator: ","), slice.count
                    ))
            }
        }
        var appended = 0
        var already = 0
        var sent = 0
        for chunk in chunks {
            do {
                let result = try remoteCall { try await remote.append(body: chunk.body, signatures: chunk.signatures) }
                appended += result.duplicates.filter { !$0 }.count
                already += result.duplicates.filter { $0 }.count
            } catch {
                let note =
                    sent > 0
                    ? " (the \(sent) events before this request were recorded; run the import again to continue)" : ""
                throw CLIError("\(error)\(note)")
            }
            sent += chunk.count
        }
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
    /// Throws ``ImportRejected`` listing every bad record.
    static func parse(_ file: String, format: ImportInput.Format?) throws -> [ImportLine] {
        let input: ImportInput
        do {
            input = try ImportInput(path: file, format: format)
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        var ids = ContentIds()
        return try input.parsedLines().map { ids.identified($0) }
    }
}
