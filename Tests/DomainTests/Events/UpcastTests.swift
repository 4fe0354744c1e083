import Domain
import Testing

@Suite struct UpcastTests {
    @Test func trainingDeliveredVersionOneDecodesAsVersionTwo() throws {
        var writer = BinaryWriter()
        writer.writeString("M-SCH-01")  // providerId
        writer.writeZigZag(120)  // personTimes
        writer.writeString("工业机器人运维")  // topic
        let event = try DomainEvent.decode(typeName: "TrainingDelivered", schemaVersion: 1, payload: writer.bytes)
        let expected = TrainingDelivered(providerId: "M-SCH-01", personTimes: 120, topic: "工业机器人运维", recipientId: nil)
        #expect(event == .trainingDelivered(expected))
        #expect(event.schemaVersion == 2)
        #expect(event.streamId == "member-M-SCH-01")
    }

    @Test func upcastPayloadReencodesAtTheCurrentVersion() throws {
        var writer = BinaryWriter()
        writer.writeString("P")
        writer.writeZigZag(3)
        writer.writeString("t")
        let event = try DomainEvent.decode(typeName: "TrainingDelivered", schemaVersion: 1, payload: writer.bytes)
        let current = try DomainEvent.decode(
            typeName: "TrainingDelivered", schemaVersion: 2, payload: event.encodePayload())
        #expect(current == event)
        #expect(event.encodePayload() == writer.bytes + [0])
    }

    @Test func versionOneWithTrailingBytesIsRejected() {
        var writer = BinaryWriter()
        writer.writeString("P")
        writer.writeZigZag(3)
        writer.writeString("t")
        writer.writeBool(false)
        #expect(throws: PayloadDecodingError.self) {
            try DomainEvent.decode(typeName: "TrainingDelivered", schemaVersion: 1, payload: writer.bytes)
        }
    }

    @Test func typesWithoutHistoryRefuseOldVersions() {
        #expect(throws: PayloadDecodingError.self) {
            try DomainEvent.decode(typeName: "TrainingDelivered", schemaVersion: 3, payload: [])
        }
    }
}
