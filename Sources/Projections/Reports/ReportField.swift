import Domain

/// One figure of a report, flattened for CSV and tables: `subsidies.apprenticeship.paidFen`.
public struct ReportField: Sendable, Equatable {
    /// The JSON key path, dot-separated.
    public var name: String
    public var value: ReportValue

    public init(_ name: String, _ value: ReportValue) {
        self.name = name
        self.value = value
    }
}

/// How a figure is written: money stays integer fen in JSON and CSV and becomes yuan with
/// two decimals in a table, so no format ever rounds an amount an auditor adds up.
public enum ReportValue: Sendable, Equatable {
    case count(Int64)
    case money(fen: Int64)
    /// A share 0…1; `nil` when its denominator is zero (no data is not 0%).
    case ratio(Double?)
    case flag(Bool)
    case text(String?)
    case list([String])

    /// The cell in CSV: the same value as JSON, unformatted.
    public var csvCell: String {
        switch self {
        case .count(let n): return String(n)
        case .money(let fen): return String(fen)
        case .ratio(let r): return r.map { String($0) } ?? ""
        case .flag(let b): return b ? "true" : "false"
        case .text(let t): return t ?? ""
        case .list(let items): return items.joined(separator: ";")
        }
    }

    /// The cell in a terminal table: yuan with two decimals, shares as percentages.
    public var tableCell: String {
        switch self {
        case .money(let fen): return Self.yuan(fen)
        case .ratio(let r):
            guard let r else { return "–" }
            let tenths = Int64((r * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        case .list(let items): return items.isEmpty ? "–" : items.joined(separator: ", ")
        default: return csvCell
        }
    }

    /// `1234.50` for 123450 fen; exact integer arithmetic, no floating point.
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The JSON form: integers for counts and money, a number or null for shares.
    public var json: JSONValue {
        switch self {
        case .count(let n): return .int(n)
        case .money(let fen): return .int(fen)
        case .ratio(let r): return r.map { .double($0) } ?? .null
        case .flag(let b): return .bool(b)
        case .text(let t): return t.map { .string($0) } ?? .null
        case .list(let items): return .array(items.map { .string($0) })
        }
    }
}

/// A tier report: JSON with the keys of docs/DOMAIN.md (Query names), and the same figures flattened for CSV and
/// tables.
public protocol TierReport: Sendable {
    /// The report as JSON; keys are the query names of docs/DOMAIN.md (Query names).
    var json: JSONValue { get }
    /// Every figure in column order, named by its JSON key path.
    var fields: [ReportField] { get }
    /// Column names when there is no report to take them from (an empty answer).
    static var columnNames: [String] { get }
}
