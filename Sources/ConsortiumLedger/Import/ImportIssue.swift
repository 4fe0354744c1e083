import Domain
import Foundation

/// Where a record came from: the file and its line (JSONL), element (JSON array) or row (CSV).
public struct ImportLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the record's start in the file.
    public var line: Int
    /// 1-based element of a JSON array, or CSV row number (header = 1), when that applies.
    public var element: Int?
    public var elementLabel: String = "element"

    public var description: String {
        if let element { return "\(file):\(line) (\(elementLabel) \(element))" }
        return "\(file):\(line)"
    }
}

/// One bad record: where, which field and what was expected — what a secretary needs to fix it.
public struct ImportIssue: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case malformed, invalidField, unknownType, ruleViolation, conflict
    }

    public var location: ImportLocation
    public var kind: Kind
    /// `occurredAt`, `data.places`, `line` …
    public var field: String
    public var message: String

    public var description: String { "\(location): \(field): \(message)" }

    /// The `--report` form: one JSON object per bad record.
    public var reportLine: String {
        let object: [String: Any] = [
            "file": location.file, "line": location.line, "kind": kind.rawValue, "field": field, "message": message,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension ImportFieldError {
    /// The message for a secretary: what was expected and what was found.
    public var secretaryMessage: String { ImportRecords.message(for: self) }
}

/// An import that wrote nothing because some records are bad.
public struct ImportRejected: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// Every bad record found (all of them, not only the first).
    public var issues: [ImportIssue]
    public var recordsChecked: Int

    public var description: String {
        guard let first = issues.first else { return "import rejected" }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more bad record\(issues.count == 2 ? "" : "s"))" : ""
        return "\(first)\(more); nothing was written"
    }

    public var errorDescription: String? { description }
}
