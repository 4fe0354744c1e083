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
    /// The consortium rule the record breaks (set exactly when `kind` is `.ruleViolation`).
    public var ruleCode: RuleViolation.Code?

    public init(
        location: ImportLocation, kind: Kind, field: String, message: String, ruleCode: RuleViolation.Code? = nil
    ) {
        self.location = location
        self.kind = kind
        self.field = field
        self.message = message
        self.ruleCode = ruleCode
    }

    public var description: String {
        "\(location): \(field): \(message)" + (ruleCode.map { " [\($0.rawValue)]" } ?? "")
    }

    /// The stable code: the rule's for a rule violation, else the kind of problem.
    public var code: String { ruleCode?.rawValue ?? kind.rawValue }

    /// This record's problem: file, line, field, code and message (see ``LedgerProblem``).
    public var problem: LedgerProblem {
        LedgerProblem(
            code: code, field: field, message: message, file: location.file, line: location.line,
            element: location.element, kind: kind.rawValue)
    }

    /// The `--report` form: one JSON object per bad record.
    public var reportLine: String { problem.jsonLine }
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

    public init(issues: [ImportIssue], recordsChecked: Int) {
        self.issues = issues
        self.recordsChecked = recordsChecked
    }

    public var description: String {
        guard let first = issues.first else { return "import rejected" }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more bad record\(issues.count == 2 ? "" : "s"))" : ""
        return "\(first)\(more); nothing was written"
    }

    public var errorDescription: String? { description }
}
