/// A value that can be read from and written to a JSON field of an event's `data`.
///
/// The `kind` passed in carries the field's constraints (range, format), so one
/// conformance per Swift type serves every field of that type.
public protocol JSONFieldCodable: Sendable {
    init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError)
    var jsonValue: JSONValue { get }
}

extension String: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .string(let text) = value else { throw path.invalid(kind, got: value) }
        if case .string(let format) = kind, !format.accepts(text) {
            // A credit code's refusal names the check character the other 17 call for.
            if format == .creditCode, let problem = CreditCode.problem(with: text) {
                throw CreditCode.fieldError(problem, code: text, field: path.description)
            }
            throw path.invalid(kind, got: value)
        }
        self = text
    }

    public var jsonValue: JSONValue { .string(self) }
}

extension Int64: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .int(let number) = value else { throw path.invalid(kind, got: value) }
        if case .integer(let minimum, let maximum) = kind {
            guard number >= minimum, number <= maximum ?? .max else { throw path.invalid(kind, got: value) }
        }
        self = number
    }

    public var jsonValue: JSONValue { .int(self) }
}

extension Int: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        self = Int(try Int64(json: value, kind: kind, path: path))
    }

    public var jsonValue: JSONValue { .int(Int64(self)) }
}

extension Bool: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .bool(let flag) = value else { throw path.invalid(kind, got: value) }
        self = flag
    }

    public var jsonValue: JSONValue { .bool(self) }
}

extension LocalDate: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .string(let text) = value, let date = LocalDate(iso: text) else {
            throw path.invalid(kind, got: value)
        }
        self = date
    }

    public var jsonValue: JSONValue { .string(description) }
}

extension LocalDate: BinaryCodable {
    public func encode(into writer: inout BinaryWriter) { writer.writeZigZag(Int64(daysSince1970)) }

    public init(from reader: inout BinaryReader) throws(PayloadDecodingError) {
        let days = try reader.readZigZag()
        guard let narrowed = Int32(exactly: days) else { throw reader.failure(.invalidValue, "a day number") }
        self.init(daysSince1970: narrowed)
    }
}

extension Array: JSONFieldCodable where Element: JSONFieldCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .array(let elements) = value else { throw path.invalid(kind, got: value) }
        let elementKind: FieldKind
        if case .array(let inner) = kind { elementKind = inner } else { elementKind = kind }
        let parent = path.description
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            result.append(try Element(json: element, kind: elementKind, path: FieldPath(parent, .index(i))))
        }
        self = result
    }

    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}

/// A small struct nested in an event (a demand item, a milestone) that is a JSON object
/// with its own fields.
public protocol JSONObjectCodable: JSONFieldCodable, Equatable {
    static var fields: [FieldSpec] { get }
    /// `path` is where the object sits, e.g. `data.items[2]`, for error messages.
    init(json object: JSONObject, path: String) throws(FieldError)
    func jsonObject() -> JSONObject
}

extension JSONObjectCodable {
    public init(json value: JSONValue, kind: FieldKind, path: FieldPath) throws(FieldError) {
        guard case .object(let object) = value else {
            throw FieldError(
                code: .invalidValue, field: path.description, expected: "an object", got: value.shortDescription)
        }
        try self.init(json: object, path: path.description)
    }

    public var jsonValue: JSONValue { .object(jsonObject()) }
}
