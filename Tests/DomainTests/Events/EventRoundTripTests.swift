import Domain
import Testing

@Suite struct EventRoundTripTests {
    static let allSamples = DomainEvent.samples + DomainEvent.minimalSamples

    @Test(arguments: allSamples)
    func jsonToBinaryToJSONIsLossless(event: DomainEvent) throws {
        let json = event.jsonObject()
        let fromJSON = try DomainEvent(typeName: event.typeName, json: json)
        #expect(fromJSON == event)
        let payload = fromJSON.encodePayload()
        let decoded = try DomainEvent.decode(
            typeName: event.typeName, schemaVersion: event.schemaVersion, payload: payload)
        #expect(decoded == event)
        #expect(decoded.jsonObject() == json)
        #expect(decoded.jsonObject().keys == json.keys)
    }

    @Test(arguments: allSamples)
    func jsonTextRoundTrips(event: DomainEvent) throws {
        let text = JSONValue.object(event.jsonObject()).serialized()
        let parsed = try #require(try JSONValue.parse(text).objectValue)
        #expect(try DomainEvent(typeName: event.typeName, json: parsed) == event)
    }

    @Test(arguments: DomainEvent.samples)
    func decodesByTypeCodeAsByName(event: DomainEvent) throws {
        let payload = event.encodePayload()
        let byCode = try payload.withUnsafeBytes { bytes in
            try DomainEvent.decode(typeCode: event.typeCode, schemaVersion: event.schemaVersion, payload: bytes)
        }
        #expect(byCode == event)
    }

    @Test(arguments: DomainEvent.samples)
    func jsonHasExactlyTheDeclaredFieldsInOrder(event: DomainEvent) {
        let fields = event.payloadType.fields
        #expect(event.jsonObject().keys == fields.map(\.name))
        let minimal = DomainEvent.minimalSamples[Int(event.typeCode) - 1]
        #expect(minimal.jsonObject().keys == fields.filter(\.required).map(\.name))
    }

    @Test(arguments: DomainEvent.samples)
    func binaryPayloadIsCompact(event: DomainEvent) {
        let json = JSONValue.object(event.jsonObject()).serialized()
        #expect(event.encodePayload().count < json.utf8.count)
    }
}
