/// The JSON Schema (draft 2020-12) of each event type's `data`, derived from its declaration:
/// the field list, the type's doc comment and stream. `Schemas/<Type>.schema.json` is exactly
/// `EventSchema.text(for:)`; a test keeps the committed files equal to it (regenerate them with
/// `LEDGER_WRITE_SCHEMAS=1 swift test --filter SchemaFilesAreGenerated`).
public enum EventSchema {
    /// Where the files say they live.
    static let base = "https://consortium-ledger.example/schemas/"

    /// The schema document of one payload type, keys in the committed files' order.
    public static func document(for type: any EventPayload.Type) -> JSONValue {
        let notes = DomainEvent.schemaNotes[Int(type.typeCode) - 1]
        var object = JSONObject(minimumCapacity: 12)
        object.append("$schema", "https://json-schema.org/draft/2020-12/schema")
        object.append("$id", .string(base + type.typeName + ".schema.json"))
        object.append("title", .string(type.typeName + " data"))
        object.append("description", .string(notes.description))
        object.append("x-typeCode", .int(Int64(type.typeCode)))
        object.append("x-schemaVersion", .int(Int64(type.schemaVersion)))
        object.append("x-stream", .string(notes.stream))
        for member in objectSchema(type.fields).members { object.append(member.key, member.value) }
        if let conditional = type as? any ConditionalSchema.Type {
            object.append("allOf", .array(conditional.schemaConditions))
        }
        return .object(object)
    }

    /// The file text: two-space indentation, one member or element a line, a final newline.
    public static func text(for type: any EventPayload.Type) -> String {
        document(for: type).prettySerialized() + "\n"
    }

    /// The import-line schema with its per-type parts derived from the catalogue: the `type`
    /// enumeration and one `if type … then data $ref` per type. The envelope's own properties
    /// are hand-written in `template` (the committed `import-line.schema.json`) and kept.
    public static func importLine(updating template: JSONValue) -> JSONValue {
        guard case .object(var schema) = template, case .object(var properties)? = schema["properties"],
            case .object(var type)? = properties["type"]
        else { return template }
        type["enum"] = .array(DomainEvent.allTypeNames.map(JSONValue.string))
        properties["type"] = .object(type)
        schema["properties"] = .object(properties)
        schema["allOf"] = .array(
            DomainEvent.allTypeNames.map { name in
                [
                    "if": ["properties": ["type": ["const": .string(name)]], "required": ["type"]],
                    "then": ["properties": ["data": ["$ref": .string(name + ".schema.json")]]],
                ]
            })
        return .object(schema)
    }

    /// The schema of one field's value.
    public static func propertySchema(_ kind: FieldKind) -> JSONValue {
        switch kind {
        case .string(.identifier): return ["type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$"]
        case .string(.text): return ["type": "string", "pattern": "\\S"]
        case .string(.base64Key): return ["type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$"]
        case .string(.creditCode): return ["type": "string", "pattern": "^[0-9A-HJ-NP-RTUW-Y]{18}$"]
        case .integer(let minimum, let maximum):
            var object: JSONObject = ["type": "integer", "minimum": .int(minimum)]
            if let maximum { object.append("maximum", .int(maximum)) }
            return .object(object)
        case .boolean: return ["type": "boolean"]
        case .date:
            return [
                "type": "string", "format": "date", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            ]
        case .enumeration(let values): return ["type": "string", "enum": .array(values.map(JSONValue.string))]
        case .array(let element): return ["type": "array", "items": propertySchema(element)]
        case .object(let fields): return .object(objectSchema(fields))
        }
    }

    /// An object with exactly `fields`: the required ones required, nothing else allowed.
    public static func objectSchema(_ fields: [FieldSpec]) -> JSONObject {
        var properties = JSONObject(minimumCapacity: fields.count)
        for field in fields { properties.append(field.name, propertySchema(field.kind)) }
        return [
            "type": "object", "properties": .object(properties),
            "required": .array(fields.filter(\.required).map { .string($0.name) }),
            "additionalProperties": false,
        ]
    }
}

/// A payload type whose schema has conditions beyond its field list (written beside the
/// hand-written check that enforces them).
protocol ConditionalSchema {
    static var schemaConditions: [JSONValue] { get }
}
