import Domain
import PostgresNIO
import Projections

/// One typed cell of a tier table, bound as a query parameter with an explicit cast.
enum TierValue: Sendable, Equatable {
    case int(Int64)
    case double(Double?)
    case bool(Bool)
    case text(String?)
    case textArray([String])
    case date(LocalDate)

    init(_ value: ReportValue) {
        switch value {
        case .count(let n): self = .int(n)
        case .money(let fen): self = .int(fen)
        case .ratio(let r): self = .double(r)
        case .flag(let b): self = .bool(b)
        case .text(let t): self = .text(t)
        case .list(let items): self = .textArray(items)
        }
    }

    /// The SQL type the placeholder is cast to (parameters go as text-typed values otherwise).
    var sqlType: String {
        switch self {
        case .int: "bigint"
        case .double: "double precision"
        case .bool: "boolean"
        case .text: "text"
        case .textArray: "text[]"
        case .date: "date"
        }
    }

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .int(let n): bindings.append(n)
        case .double(let d): if let d { bindings.append(d) } else { bindings.appendNull() }
        case .bool(let b): bindings.append(b)
        case .text(let t): if let t { bindings.append(t) } else { bindings.appendNull() }
        case .textArray(let items): bindings.append(items)
        case .date(let date): bindings.append(date.description)
        }
    }
}

/// A tier report's JSON key path as a column name: `members.byKind.school` →
/// `members_by_kind_school`, `agreementsExpiringWithin90Days` → `agreements_expiring_within90_days`.
func columnName(_ keyPath: String) -> String {
    var out = ""
    for scalar in keyPath.unicodeScalars {
        if scalar == "." {
            out.append("_")
        } else if scalar.properties.isUppercase {
            out.append("_")
            out.append(String(scalar).lowercased())
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
