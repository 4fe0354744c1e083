/// Reads typed fields out of a JSON object against its `FieldSpec`s.
///
/// Construction rejects unknown keys up front (a typo such as `palces` must not silently
/// drop data); `required`/`optional` then convert one field each, naming it on failure.
public struct FieldReader: Sendable {
    public let object: JSONObject
    public let fields: [FieldSpec]
    /// The path of the object itself: `data`, or `data.items[0]` for nested objects.
    public let path: String

    public init(_ object: JSONObject, fields: [FieldSpec], path: String = "data") throws(FieldError) {
        for member in object.members where !fields.contains(where: { sameKey($0.name, member.key) }) {
            throw FieldError(
                code: .unknownField, field: FieldPath(path, .key(member.key)).description,
                expected: fields.map(\.name).joined(separator: ", "))
        }
        self.object = object
        self.fields = fields
        self.path = path
    }

    func spec(_ name: String) -> FieldSpec {
        guard let spec = fields.first(where: { sameKey($0.name, name) }) else {
            preconditionFailure("field \(name) is read but not declared in its type's fields")
        }
        return spec
    }

    /// A field that must be present and not null.
    public func required<T: JSONFieldCodable>(_ name: String, as type: T.Type = T.self) throws(FieldError) -> T {
        let spec = spec(name)
        guard let value = object[name] else {
            throw FieldError(
                code: .missing, field: FieldPath(path, .key(name)).description, expected: spec.kind.expectation)
        }
        return try T(json: value, kind: spec.kind, path: FieldPath(path, .key(name)))
    }

    /// A field that may be absent; an explicit `null` counts as absent.
    public func optional<T: JSONFieldCodable>(_ name: String, as type: T.Type = T.self) throws(FieldError) -> T? {
        let spec = spec(name)
        guard let value = object[name], !value.isNull else { return nil }
        return try T(json: value, kind: spec.kind, path: FieldPath(path, .key(name)))
    }
}

/// String equality with a cheap length test first; field names mostly differ in length.
@inline(__always)
func sameKey(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a == b
}
