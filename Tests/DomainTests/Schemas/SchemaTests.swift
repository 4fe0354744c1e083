import Domain
import Testing

/// Keeps `Schemas/` and the Swift catalogue from drifting apart, and checks that the
/// schemas and the Swift validation agree on every example.
@Suite struct SchemaTests {
    let validator = SchemaValidator()

    @Test(arguments: DomainEvent.allTypeNames)
    func schemaMatchesTheSwiftFields(typeName: String) throws {
        let type = try #require(DomainEvent.payloadType(named: typeName))
        let schema = try #require(try SchemaFiles.schema("\(typeName).schema.json").objectValue)
        let properties = try #require(schema["properties"]?.objectValue)
        #expect(properties.keys == type.fields.map(\.name))
        #expect(schema["required"] == .array(type.fields.filter(\.required).map { .string($0.name) }))
        #expect(schema["additionalProperties"] == false)
        #expect(schema["type"] == "object")
        #expect(schema["x-typeCode"] == .int(Int64(type.typeCode)))
        #expect(schema["x-schemaVersion"] == .int(Int64(type.schemaVersion)))
        for field in type.fields {
            #expect(properties[field.name] == EventSchema.propertySchema(field.kind), "\(typeName).\(field.name)")
        }
    }

    @Test func envelopeSchemaListsEveryType() throws {
        let schema = try SchemaFiles.schema("import-line.schema.json")
        #expect(schema["properties"]?["type"]?["enum"] == .array(DomainEvent.allTypeNames.map(JSONValue.string)))
        let keys = schema["properties"]?.objectValue?.keys ?? []
        #expect(keys == ImportLine.envelopeKeys)
        #expect(schema["required"] == ["type", "occurredAt", "actor", "data"])
    }

    @Test(arguments: DomainEvent.allTypeNames)
    func validExampleIsAcceptedByBothValidators(typeName: String) throws {
        let example = try SchemaFiles.example(typeName, valid: true)
        let envelope = try SchemaFiles.schema("import-line.schema.json")
        #expect(validator.errors(example, envelope) == [])
        let line = try ImportLine.parse(example)
        #expect(line.type == typeName)
        #expect(line.event == DomainEvent.samples[Int(line.event.typeCode) - 1])
        #expect(validator.errors(.object(line.jsonObject()), envelope) == [])
    }

    @Test(arguments: DomainEvent.allTypeNames)
    func invalidExampleIsRejectedByBothValidators(typeName: String) throws {
        let example = try SchemaFiles.example(typeName, valid: false)
        let envelope = try SchemaFiles.schema("import-line.schema.json")
        #expect(!validator.errors(example, envelope).isEmpty)
        #expect(throws: ImportFieldError.self) { try ImportLine.parse(example) }
    }

    @Test(arguments: DomainEvent.samples + DomainEvent.minimalSamples)
    func everySampleValidatesAgainstItsSchema(event: DomainEvent) throws {
        let schema = try SchemaFiles.schema("\(event.typeName).schema.json")
        #expect(validator.errors(.object(event.jsonObject()), schema) == [])
    }

    @Test func validatorCatchesEachKeyword() throws {
        let schema: JSONValue = [
            "type": "object", "required": ["a"], "additionalProperties": false,
            "properties": [
                "a": ["type": "integer", "minimum": 1, "maximum": 3],
                "b": ["type": "string", "enum": ["x", "y"]],
                "c": ["type": "array", "items": ["type": "string", "pattern": "^[a-z]+$"]],
            ],
        ]
        #expect(validator.errors(["a": 2, "b": "x", "c": ["ok"]], schema) == [])
        #expect(validator.errors(["b": "x"], schema).count == 1)
        #expect(validator.errors(["a": 0], schema).count == 1)
        #expect(validator.errors(["a": 4], schema).count == 1)
        #expect(validator.errors(["a": 1.5], schema).count == 1)
        #expect(validator.errors(["a": 1, "b": "z"], schema).count == 1)
        #expect(validator.errors(["a": 1, "c": ["OK"]], schema).count == 1)
        #expect(validator.errors(["a": 1, "d": 1], schema).count == 1)
        #expect(validator.errors(["a": 1], ["oneOf": []]).count == 1)
    }
}
