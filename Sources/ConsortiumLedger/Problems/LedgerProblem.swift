import Foundation

/// One problem with what a user gave the ledger, in the shape every machine-readable surface
/// shares: the `--report` lines of an import, `ledger audit --json`'s first failure, and the
/// extension members of an RFC 9457 problem response (`code`, `field`, `line` …).
///
/// `code` is a stable identifier: a `RuleViolation.Code` raw value for a broken consortium rule
/// (`classFull`, `notPermitted` …), otherwise the kind of problem (`invalidField`, `malformed`,
/// `conflict`, a `LedgerError.Code`). `message` is for people and may change.
public struct LedgerProblem: Codable, Sendable, Equatable {
    public var code: String
    /// The import-line field concerned: `actor`, `occurredAt`, `data.<name>` …
    public var field: String?
    public var message: String
    /// The input file and 1-based line of the record, for import problems.
    public var file: String?
    public var line: Int?
    /// The JSON-array element or CSV row, when the input has them.
    public var element: Int?
    /// The kind of import problem (`ruleViolation`, `invalidField` …), for import problems.
    public var kind: String?
    /// The ledger sequence concerned, for audit failures.
    public var sequence: UInt64?

    public init(
        code: String, field: String? = nil, message: String, file: String? = nil, line: Int? = nil,
        element: Int? = nil, kind: String? = nil, sequence: UInt64? = nil
    ) {
        self.code = code
        self.field = field
        self.message = message
        self.file = file
        self.line = line
        self.element = element
        self.kind = kind
        self.sequence = sequence
    }

    /// One line of compact JSON with sorted keys (absent members left out).
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
