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

@Suite struct MemberAdmittedUpcastTests {
    @Test func versionOneDecodesWithoutACreditCodeAndWritesBackByteForByte() throws {
        var writer = BinaryWriter()
        let v1 = MemberAdmitted(memberId: "M-ENT-01", name: "某精密机械有限公司", kind: .enterprise, industry: "智能制造")
        v1.encodeVersionOneForTests(into: &writer)
        let event = try DomainEvent.decode(typeName: "MemberAdmitted", schemaVersion: 1, payload: writer.bytes)
        #expect(event == .memberAdmitted(v1))
        #expect(event.schemaVersion == 2)
        #expect(event.encodePayload(schemaVersion: 1) == writer.bytes)
        #expect(event.encodePayload() == writer.bytes + [0])
        var coded = v1
        coded.creditCode = "91330100716105852F"
        #expect(DomainEvent.memberAdmitted(coded).encodePayload(schemaVersion: 1) == nil)
    }
}

extension MemberAdmitted {
    /// Version 1's layout written field by field, independently of the type's own encoder.
    func encodeVersionOneForTests(into writer: inout BinaryWriter) {
        writer.write(memberId)
        writer.write(name)
        writer.write(kind)
        writer.write(schoolLevel)
        writer.write(industry)
    }
}
