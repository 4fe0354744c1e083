extension ImportLine {
    /// Validates one parsed line: envelope first (unknown keys, type, time, actor, ids),
    /// then `data` against the type's fields. The first problem is thrown, naming its field.
    ///
    /// - Parameter schemaVersion: the version the line was recorded at (an exported line's
    ///   `recorded.schemaVersion`); `nil` reads it as the type's current version.
    public static func parse(_ value: JSONValue, schemaVersion: UInt16? = nil) throws(ImportFieldError) -> ImportLine {
        guard case .object(let object) = value else {
            throw ImportFieldError(
                code: .notAnObject, field: "line", expected: "a JSON object with type, occurredAt, actor and data",
                got: value.shortDescription)
        }
        for member in object.members where !envelopeKeys.contains(where: { sameKey($0, member.key) }) {
            throw ImportFieldError(
                code: .unknownField, field: member.key, expected: envelopeKeys.joined(separator: ", "))
        }
        let typeName = try requiredString(object, "type", expected: "an event type name such as \"AgreementSigned\"")
        guard let typeCode = DomainEvent.typeCode(named: typeName) else {
            throw ImportFieldError(
                code: .unknownType, field: "type", expected: "an event type of the catalogue", got: "\"\(typeName)\"")
        }
        let occurredText = try requiredString(object, "occurredAt", expected: timestampExpectation, type: typeName)
        guard let occurredAt = Timestamp(parsing: occurredText) else {
            throw ImportFieldError(
                code: .invalidValue, field: "occurredAt", expected: timestampExpectation, got: "\"\(occurredText)\"",
                eventType: typeName)
        }
        let actor = try identifier(object, "actor", required: true, type: typeName) ?? ""
        let id = try identifier(object, "id", required: false, type: typeName)
        let causationId = try identifier(object, "causationId", required: false, type: typeName)
        let correlationId = try identifier(object, "correlationId", required: false, type: typeName)
        var expectedVersion: UInt64?
        if let raw = object["expectedVersion"], !raw.isNull {
            guard case .int(let version) = raw, version >= 0 else {
                throw ImportFieldError(
                    code: .invalidValue, field: "expectedVersion", expected: "an integer ≥ 0",
                    got: raw.shortDescription,
                    eventType: typeName)
            }
            expectedVersion = UInt64(version)
        }
        guard let data = object["data"] else {
            throw ImportFieldError(code: .missing, field: "data", expected: "an object", eventType: typeName)
        }
        guard case .object(let fields) = data else {
            throw ImportFieldError(
                code: .invalidValue, field: "data", expected: "an object", got: data.shortDescription,
                eventType: typeName)
        }
        let event: DomainEvent
        do {
            if let schemaVersion {
                event = try DomainEvent(typeCode: typeCode, json: fields, schemaVersion: schemaVersion)
            } else {
                event = try DomainEvent(typeCode: typeCode, json: fields)
            }
        } catch {
            throw ImportFieldError(error, eventType: typeName)
        }
        if let schemaVersion, event.encodePayload(schemaVersion: schemaVersion) == nil {
            throw ImportFieldError(
                code: .invalidValue, field: "recorded.schemaVersion",
                expected: "a schema version of \(typeName) this tool can write (1…\(event.schemaVersion)) "
                    + "for the fields given", got: "\(schemaVersion)", eventType: typeName)
        }
        return ImportLine(
            id: id, occurredAt: occurredAt, actor: actor, expectedVersion: expectedVersion,
            causationId: causationId, correlationId: correlationId, event: event,
            schemaVersion: schemaVersion == event.schemaVersion ? nil : schemaVersion)
    }

    /// Parses one JSON text (a JSONL line) and validates it; syntax errors are reported as
    /// a malformed `line` with the column.
    public static func parse(json text: String) throws(ImportFieldError) -> ImportLine {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw ImportFieldError(code: .malformedCell, field: "line", expected: "valid JSON (\(error.description))")
        }
        return try parse(value)
    }

    static let timestampExpectation = "a date YYYY-MM-DD or an RFC 3339 timestamp such as 2025-03-01T09:30:00+08:00"

    static func requiredString(
        _ object: JSONObject, _ key: String, expected: String, type: String? = nil
    ) throws(ImportFieldError) -> String {
        guard let value = object[key], !value.isNull else {
            throw ImportFieldError(code: .missing, field: key, expected: expected, eventType: type)
        }
        guard case .string(let text) = value else {
            throw ImportFieldError(
                code: .invalidValue, field: key, expected: expected, got: value.shortDescription, eventType: type)
        }
        return text
    }

    static func identifier(
        _ object: JSONObject, _ key: String, required: Bool, type: String
    ) throws(ImportFieldError) -> String? {
        let expected = StringFormat.identifier.expectation
        guard let value = object[key], !value.isNull else {
            if required { throw ImportFieldError(code: .missing, field: key, expected: expected, eventType: type) }
            return nil
        }
        guard case .string(let text) = value, StringFormat.identifier.accepts(text) else {
            throw ImportFieldError(
                code: .invalidValue, field: key, expected: expected, got: value.shortDescription, eventType: type)
        }
        return text
    }
}
