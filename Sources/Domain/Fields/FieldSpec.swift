/// Describes one field of an event's `data` object.
///
/// This metadata is the single description that JSON decoding, CSV coercion, and the
/// tests that keep `Schemas/` in step all read, so the three cannot disagree.
public struct FieldSpec: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public var required: Bool

    public init(_ name: String, _ kind: FieldKind, required: Bool = true) {
        self.name = name
        self.kind = kind
        self.required = required
    }
}

/// The shape of a field's value.
public indirect enum FieldKind: Sendable, Equatable {
    case string(StringFormat)
    /// An integer in `minimum...maximum` (no upper bound when `maximum` is nil).
    case integer(minimum: Int64, maximum: Int64?)
    case boolean
    /// An ISO `YYYY-MM-DD` calendar date.
    case date
    /// One of the listed raw strings.
    case enumeration([String])
    /// A JSON array whose elements all have the given kind.
    case array(FieldKind)
    /// A nested object with its own fields (array elements such as demand items).
    case object([FieldSpec])

    /// Money in fen: never negative.
    public static let fen = FieldKind.integer(minimum: 0, maximum: nil)
    /// Counts of people or places: never negative.
    public static let count = FieldKind.integer(minimum: 0, maximum: nil)
    /// A calendar year the ledger can represent.
    public static let year = FieldKind.integer(minimum: 1970, maximum: 9999)
    public static let identifier = FieldKind.string(.identifier)
    public static let text = FieldKind.string(.text)

    /// The values of a Swift enum, in declaration order.
    public static func enumeration<E: DomainEnum>(_ type: E.Type) -> FieldKind {
        .enumeration(E.allCases.map(\.rawValue))
    }

    /// The phrase after "expected" in error messages.
    public var expectation: String {
        switch self {
        case .string(let format): return format.expectation
        case .integer(let minimum, let maximum):
            if let maximum { return "an integer from \(minimum) to \(maximum)" }
            return "an integer ≥ \(minimum)"
        case .boolean: return "true or false"
        case .date: return "a date YYYY-MM-DD"
        case .enumeration(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .array(let element): return "an array of \(element.pluralNoun)"
        case .object: return "an object"
        }
    }

    var pluralNoun: String {
        switch self {
        case .string(.identifier): return "identifiers"
        case .string: return "strings"
        case .object(let fields): return "objects with " + fields.map(\.name).joined(separator: ", ")
        default: return "values (each \(expectation))"
        }
    }
}
