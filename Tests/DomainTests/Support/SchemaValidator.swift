import Domain
import Foundation

/// A JSON Schema (2020-12) validator for exactly the keywords our schemas use. Any other
/// validation keyword is reported as an error, so a schema cannot silently outgrow it.
struct SchemaValidator {
    /// Loads `$ref`s by file name from `Schemas/`.
    var resolve: (String) throws -> JSONValue = { try SchemaFiles.schema($0) }

    static let annotations: Set<String> = [
        "$schema", "$id", "title", "description", "format", "x-typeCode", "x-schemaVersion", "x-stream",
    ]

    /// Every violation found, as "path: message"; empty when the instance is valid.
    func errors(_ instance: JSONValue, _ schema: JSONValue, path: String = "$") -> [String] {
        guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
        var errors: [String] = []
        for (keyword, value) in keywords {
            errors += check(keyword, value, instance, keywords, path)
        }
        return errors
    }

    private func check(
        _ keyword: String, _ value: JSONValue, _ instance: JSONValue, _ schema: JSONObject, _ path: String
    ) -> [String] {
        switch keyword {
        case _ where Self.annotations.contains(keyword), "then", "else":
            return []
        case "type":
            let allowed = value.arrayValue?.compactMap(\.stringValue) ?? [value.stringValue ?? ""]
            return allowed.contains(where: { Self.hasType(instance, $0) }) ? [] : ["\(path): expected type \(allowed)"]
        case "properties":
            guard case .object(let object) = instance, case .object(let properties) = value else { return [] }
            return properties.flatMap { name, sub in
                object[name].map { errors($0, sub, path: "\(path).\(name)") } ?? []
            }
        case "required":
            guard case .object(let object) = instance else { return [] }
            return (value.arrayValue ?? []).compactMap(\.stringValue).filter { object[$0] == nil }
                .map { "\(path): missing required \($0)" }
        case "additionalProperties":
            guard case .object(let object) = instance else { return [] }
            let declared = schema["properties"]?.objectValue?.keys ?? []
            let extra = object.keys.filter { !declared.contains($0) }
            if value == .bool(false) { return extra.map { "\(path): additional property \($0)" } }
            return extra.flatMap { errors(object[$0] ?? .null, value, path: "\(path).\($0)") }
        case "enum":
            return (value.arrayValue ?? []).contains(instance) ? [] : ["\(path): not in enum"]
        case "const":
            return instance == value ? [] : ["\(path): not \(value)"]
        case "pattern":
            guard case .string(let text) = instance, let pattern = value.stringValue else { return [] }
            guard let regex = try? Regex(pattern) else { return ["\(path): bad pattern \(pattern)"] }
            return text.contains(regex) ? [] : ["\(path): \"\(text)\" does not match \(pattern)"]
        case "minimum":
            guard let number = instance.doubleValue, let limit = value.doubleValue else { return [] }
            return number >= limit ? [] : ["\(path): below minimum \(limit)"]
        case "maximum":
            guard let number = instance.doubleValue, let limit = value.doubleValue else { return [] }
            return number <= limit ? [] : ["\(path): above maximum \(limit)"]
        case "minLength", "maxLength":
            guard case .string(let text) = instance, let limit = value.intValue else { return [] }
            let ok = keyword == "minLength" ? text.count >= limit : text.count <= limit
            return ok ? [] : ["\(path): length outside \(keyword) \(limit)"]
        case "items":
            guard case .array(let elements) = instance else { return [] }
            return elements.enumerated().flatMap { errors($1, value, path: "\(path)[\($0)]") }
        case "allOf":
            return (value.arrayValue ?? []).flatMap { errors(instance, $0, path: path) }
        case "if":
            let branch = errors(instance, value, path: path).isEmpty ? schema["then"] : schema["else"]
            return branch.map { errors(instance, $0, path: path) } ?? []
        case "$ref":
            guard let name = value.stringValue, let target = try? resolve(name) else {
                return ["\(path): cannot resolve $ref \(value)"]
            }
            return errors(instance, target, path: path)
        default:
            return ["\(path): unsupported keyword \(keyword)"]
        }
    }

    static func hasType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
            ("string", .string), ("array", .array), ("object", .object):
            return true
        default:
            return false
        }
    }
}
