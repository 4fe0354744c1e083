/// An enumerated field (member kind, agreement kind, programme …) whose raw values are
/// the strings docs/DOMAIN.md (Event catalogue) fixes.
///
/// In binary payloads a case is stored as its position in `allCases`; so cases may only
/// ever be appended, never reordered or removed.
public protocol DomainEnum: RawRepresentable, CaseIterable, Hashable, Sendable, BinaryCodable,
    JSONFieldCodable, CustomStringConvertible
where RawValue == String, AllCases == [Self] {
    /// `allCases`, built once: the synthesised `allCases` builds a new array on every call,
    /// which replay paid for every enumerated field of every event.
    static var ordered: [Self] { get }
}

extension DomainEnum {
    public var description: String { rawValue }

    public static var rawValues: [String] { allCases.map(\.rawValue) }

    public func encode(into writer: inout BinaryWriter) {
        let position = Self.ordered.firstIndex(of: self) ?? 0
        writer.writeVarint(UInt64(position))
    }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        let position = try reader.readVarint()
        let cases = Self.ordered
        guard position < UInt64(cases.count) else {
            throw reader.failure(.invalidValue, "a \(Self.self) case number below \(cases.count), got \(position)")
        }
        self = cases[Int(position)]
    }

    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .string(let text) = value, let parsed = Self(rawValue: text) else {
            throw path.invalid(.enumeration(Self.rawValues), got: value)
        }
        self = parsed
    }

    public var jsonValue: JSONValue { .string(rawValue) }
}
