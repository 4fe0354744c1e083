import Domain
import Foundation
import Testing

/// `Schemas/<Type>.schema.json` is generated from the event declarations, never written by hand:
/// each committed file must be exactly what `EventSchema` derives today. After changing a
/// declaration, regenerate with `LEDGER_WRITE_SCHEMAS=1 swift test --filter SchemaGenerationTests`.
@Suite struct SchemaGenerationTests {
    @Test(arguments: DomainEvent.allTypeNames)
    func committedSchemaIsTheGeneratedOne(typeName: String) throws {
        let type = try #require(DomainEvent.payloadType(named: typeName))
        let url = SchemaFiles.directory.appendingPathComponent("\(typeName).schema.json")
        let generated = EventSchema.text(for: type)
        if ProcessInfo.processInfo.environment["LEDGER_WRITE_SCHEMAS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "Schemas/\(typeName).schema.json is stale; regenerate it (see above)")
    }

    /// The import line's `type` list and its per-type `data` references follow the catalogue too.
    @Test func importLineSchemaListsTheCatalogue() throws {
        let url = SchemaFiles.directory.appendingPathComponent("import-line.schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let generated = EventSchema.importLine(updating: try JSONValue.parse(committed)).prettySerialized() + "\n"
        if ProcessInfo.processInfo.environment["LEDGER_WRITE_SCHEMAS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(committed == generated, "Schemas/import-line.schema.json is stale; regenerate it (see above)")
    }

    @Test func everySchemaFileBelongsToAType() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SchemaFiles.directory.path)
            .filter { $0.hasSuffix(".schema.json") && $0 != "import-line.schema.json" }
            .map { String($0.dropLast(".schema.json".count)) }
        #expect(Set(names) == Set(DomainEvent.allTypeNames))
    }

    @Test func schemaCarriesTheDeclarationsMetadata() throws {
        let member = EventSchema.document(for: MemberAdmitted.self)
        #expect(member["x-stream"] == "member-<memberId>")
        #expect(member["x-schemaVersion"] == 2)
        #expect(member["allOf"]?.arrayValue?.count == 1)
        let kpi = EventSchema.document(for: KPITargetSet.self)
        #expect(kpi["x-stream"] == "kpi-<year>-<metric>")
        #expect(kpi["allOf"] == nil)
        #expect(kpi["required"] == ["year", "metric", "target"])
    }

    @Test func prettyTextIsIndentedTwoSpacesWithEmptyCollectionsInline() {
        let value: JSONValue = ["a": [1, 2], "b": [], "c": ["d": "统一"], "e": [:]]
        #expect(
            value.prettySerialized()
                == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": \"统一\"\n  },\n  \"e\": {}\n}"
        )
    }
}
