/// An import line that cannot be accepted, naming the envelope field (`occurredAt`) or the
/// data field (`data.places`) and what was expected. The importer adds file and line.
public struct ImportFieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notAnObject
        case missing
        case unknownField
        case invalidValue
        case unknownType
        /// A CSV row whose cell count differs from the header's, or a cell that should hold JSON and does not.
        case malformedCell
    }

    public var code: Code
    /// `type`, `occurredAt`, `data.items[1].headcount`, or `line` for the line as a whole.
    public var field: String
    public var expected: String
    public var got: String?
    /// The event type of the line, when it was known, so messages can say which schema applied.
    public var eventType: String?

    public init(code: Code, field: String, expected: String, got: String? = nil, eventType: String? = nil) {
        self.code = code
        self.field = field
        self.expected = expected
        self.got = got
        self.eventType = eventType
    }

    /// Lifts a data-field error, keeping its path and wording.
    public init(_ error: FieldError, eventType: String?) {
        let code: Code
        switch error.code {
        case .missing: code = .missing
        case .unknownField: code = .unknownField
        case .invalidValue: code = .invalidValue
        case .unknownType: code = .unknownType
        }
        self.init(code: code, field: error.field, expected: error.expected, got: error.got, eventType: eventType)
    }

    public var description: String {
        let place = eventType.map { "\(field) (\($0))" } ?? field
        switch code {
        case .missing: return "\(place): missing, expected \(expected)"
        case .unknownField: return "\(place): unknown field, expected one of \(expected)"
        default: return "\(place): expected \(expected)" + (got.map { ", got \($0)" } ?? "")
        }
    }
}
