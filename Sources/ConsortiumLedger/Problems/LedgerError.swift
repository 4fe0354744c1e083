import Domain
import Foundation

/// An error a ledger user can cause or meet, with a message naming what to fix.
///
/// A rule violation keeps the rule's stable code and the field it concerns (``ruleCode``,
/// ``field``), so every surface — the CLI, `--report`, the audit and HTTP problem responses —
/// can name them without parsing the message.
public struct LedgerError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case alreadyExists
        case invalidInput
        case ruleViolation
        case signatureRequired
        case notFound
        case io
    }

    public let code: Code
    public let message: String
    /// The consortium rule that refused the event (set exactly when `code` is `.ruleViolation`).
    public let ruleCode: RuleViolation.Code?
    /// The import-line field concerned (`actor`, `data.classId` …), when one is.
    public let field: String?

    public init(_ code: Code, _ message: String, ruleCode: RuleViolation.Code? = nil, field: String? = nil) {
        self.code = code
        self.message = message
        self.ruleCode = ruleCode
        self.field = field
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// This error as a problem document body (see ``LedgerProblem``).
    public var problem: LedgerProblem {
        LedgerProblem(code: ruleCode?.rawValue ?? code.rawValue, field: field, message: message)
    }
}

extension LedgerError {
    /// A rule violation from the append path, with the rule's code and field kept.
    init(_ violation: RuleCheck.Violation) {
        self.init(.ruleViolation, violation.description, ruleCode: violation.code, field: violation.field)
    }
}
