import ConsortiumLedger
import Domain
import Foundation
import LedgerClient

/// `ledger import --remote … --report FILE`: the bad records as a local import writes them —
/// one `ImportIssue.reportLine` per record — whether found while parsing here (every bad
/// record of every file) or refused by the server (the record its problem answer names).
enum RemoteImportReport {
    /// Writes `issues` to `path` (an empty file when there are none, as a local import does).
    static func write(_ issues: [ImportIssue], to path: String?) throws {
        guard let path else { return }
        let text = issues.map(\.reportLine).joined(separator: "\n") + (issues.isEmpty ? "" : "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The record a refusal of the server names (`line` is its position in the request), as the
    /// issue a local import would report for it; nil for a refusal that is not about one record
    /// (a token, a limit, a failure of the server or the network).
    static func issue(for error: RemoteError, locations: [ImportLocation]) -> ImportIssue? {
        guard error.status == 409 || error.status == 422, let line = error.line, locations.indices.contains(line - 1)
        else { return nil }
        let ruleCode = error.code.flatMap(RuleViolation.Code.init(rawValue:))
        let kind: ImportIssue.Kind = error.status == 409 ? .conflict : ruleCode != nil ? .ruleViolation : .invalidField
        return ImportIssue(
            location: locations[line - 1], kind: kind, field: error.field ?? "",
            message: bareMessage(error.detail, field: error.field, code: error.code),
            ruleCode: kind == .ruleViolation ? ruleCode : nil)
    }

    /// The server's detail without what the issue says on its own: the field in front, the
    /// rule's code behind, and the append's "(event N of the batch, …); nothing was written".
    static func bareMessage(_ detail: String, field: String?, code: String?) -> String {
        var text = detail
        if let code, text.hasSuffix(" [\(code)]") { text.removeLast(code.count + 3) }
        if let field, text.hasPrefix("\(field): ") { text.removeFirst(field.count + 2) }
        if let range = text.range(
            of: #" \(event \d+ of the batch, [^)]*\); nothing was written$"#, options: .regularExpression)
        {
            text.removeSubrange(range)
        }
        return text
    }
}

/// A request of a remote import refused for one of its records after the requests before it
/// were recorded (a local import writes all or nothing; a remote one, request by request).
struct RemoteImportPartlyRecorded: Error, CustomStringConvertible {
    let rejected: ImportRejected
    let recorded: Int

    var description: String {
        let issue = rejected.issues.first.map { "\($0)" } ?? "a record was refused"
        return "\(issue); nothing of its request was written, but the \(recorded) events before it were recorded "
            + "(run the import again to continue)"
    }
}
