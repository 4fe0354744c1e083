/// A `data` field that is missing, unknown, or has the wrong value, named by its path
/// (`data.places`, `data.items[2].headcount`) so a secretary can find it in her file.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case missing
        case unknownField
        case invalidValue
        case unknownType
    }

    public var code: Code
    /// The dotted path of the field, starting at `data`.
    public var field: String
    /// What would have been accepted, e.g. "an integer ≥ 0".
    public var expected: String
    /// The offending value as written, when there was one.
    public var got: String?

    public init(code: Code, field: String, expected: String, got: String? = nil) {
        self.code = code
        self.field = field
        self.expected = expected
        self.got = got
    }

    public var description: String {
        switch code {
        case .missing: return "\(field): missing, expected \(expected)"
        case .unknownField: return "\(field): unknown field, expected one of \(expected)"
        case .invalidValue, .unknownType:
            return "\(field): expected \(expected)" + (got.map { ", got \($0)" } ?? "")
        }
    }
}

/// Where a value sits in the input. Rendered only when an error is thrown, so the happy
/// path builds no strings.
public struct FieldPath: Sendable, CustomStringConvertible {
    public enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    public var parent: String
    public var component: Component

    public init(_ parent: String, _ component: Component) {
        self.parent = parent
        self.component = component
    }

    public var description: String {
        switch component {
        case .key(let name): return parent.isEmpty ? name : parent + "." + name
        case .index(let i): return parent + "[\(i)]"
        }
    }

    /// The standard error for a value that does not fit `kind`.
    public func invalid(_ kind: FieldKind, got value: JSONValue) -> FieldError {
        FieldError(code: .invalidValue, field: description, expected: kind.expectation, got: value.shortDescription)
    }
}
