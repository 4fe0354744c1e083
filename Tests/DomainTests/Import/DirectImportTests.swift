import Domain
import Testing

/// `ImportLine.parseDirect` reads lines straight from their bytes. It must accept exactly the
/// lines the tree path (`JSONValue.parse` then `ImportLine.parse`) accepts, with equal results,
/// and hand every other line back (`nil`) so the tree path names the problem.
@Suite struct DirectImportTests {
    static let allSamples = DomainEvent.samples + DomainEvent.minimalSamples

    /// The tree path as the importer runs it, `recorded` block included.
    static func treeParse(_ text: String) -> ImportLine? {
        guard case .object(let object)? = try? JSONValue.parse(text) else { return nil }
        var schemaVersion: UInt16?
        if let recorded = object["recorded"] {
            if let raw = recorded["schemaVersion"], !raw.isNull {
                guard let version = raw.intValue.flatMap(UInt16.init(exactly:)), version >= 1 else { return nil }
                schemaVersion = version
            }
        }
        let rest = JSONObject(object.members.filter { $0.key != "recorded" }.map { ($0.key, $0.value) })
        return try? ImportLine.parse(.object(rest), schemaVersion: schemaVersion)
    }

    static func directParse(_ text: String) -> ImportLine? {
        var text = text
        return text.withUTF8 { ImportLine.parseDirect(UnsafeRawBufferPointer($0)) }
    }

    static func line(_ event: DomainEvent, id: String? = "e-1") -> String {
        let line = ImportLine(
            id: id, occurredAt: Timestamp(parsing: "2025-03-01T09:30:00+08:00")!, actor: "M-GOV", expectedVersion: 3,
            causationId: "c-1", correlationId: "k-1", event: event)
        return JSONValue.object(line.jsonObject()).serialized()
    }

    /// The two paths agree, and when the tree path accepts the line the direct one must too
    /// unless the line has a shape it leaves to the tree (`expectDirect: false`).
    static func expectAgreement(
        _ text: String, expectDirect: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let tree = treeParse(text)
        let direct = directParse(text)
        if let direct {
            #expect(direct == tree, "direct read differs: \(text)", sourceLocation: sourceLocation)
        } else if expectDirect && tree != nil {
            Issue.record("direct read gave up on a valid line: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: allSamples)
    func everySampleLineIsReadDirectlyToTheSameLine(event: DomainEvent) throws {
        let text = Self.line(event)
        let direct = try #require(Self.directParse(text))
        #expect(direct == Self.treeParse(text))
        #expect(direct.event == event)
        Self.expectAgreement(Self.line(event, id: nil))
    }

    @Test(arguments: allSamples)
    func everyOneByteDeletionIsJudgedAsTheTreeJudgesIt(event: DomainEvent) {
        let bytes = Array(Self.line(event).utf8)
        for cut in bytes.indices {
            var mutated = bytes
            mutated.remove(at: cut)
            let text = String(decoding: mutated, as: UTF8.self)
            Self.expectAgreement(text, expectDirect: false)
        }
    }

    @Test func whitespaceNullsAndEscapesReadTheSame() {
        Self.expectAgreement(
            #" { "type" : "MemberWithdrawn" , "occurredAt":"2025-03-01", "actor":"M-GOV", "id": null, "data" : { "memberId" : "M1", "reason":"合作\"期满\"\n" } } "#
        )
        Self.expectAgreement(
            #"{"type":"CertificateAwarded","occurredAt":"2025-03-01","actor":"M","data":{"personId":"p","certificate":"c","level":null}}"#
        )
        Self.expectAgreement(
            #"{"type":"KPITargetSet","occurredAt":"2025-03-01","actor":"M","expectedVersion":null,"data":{"metric":"apprenticesEnrolled","year":2025,"target":0}}"#
        )
    }

    @Test func problemsAreLeftToTheTree() {
        let problems = [
            #"{"type":"MemberWithdrawn","type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","memberId":"M1","reason":"r"}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r","extra":1}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1"}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M 1","reason":"r"}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"  "}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-13-01","actor":"M","data":{"memberId":"M1","reason":"r"}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"}} x"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","expectedVersion":-1,"data":{"memberId":"M1","reason":"r"}}"#,
            #"{"type":"Nope","occurredAt":"2025-03-01","actor":"M","data":{}}"#,
            #"{"type":"OrderClassOpened","occurredAt":"2025-03-01","actor":"M","data":{"classId":"C","agreementId":"A","major":"m","capacity":0,"intakeYear":2025}}"#,
            #"{"type":"OrderClassOpened","occurredAt":"2025-03-01","actor":"M","data":{"classId":"C","agreementId":"A","major":"m","capacity":1.0,"intakeYear":2025}}"#,
            #"{"type":"GraduateHired","occurredAt":"2025-03-01","actor":"M","data":{"personId":"p","enterpriseId":"E","local":"yes"}}"#,
            #"{"type":"MentorAssigned","occurredAt":"2025-03-01","actor":"M","data":{"personId":"p","mentorId":"m","side":"School"}}"#,
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","name":"n","kind":"enterprise"}}"#,
        ]
        for text in problems {
            #expect(Self.directParse(text) == nil, "\(text)")
            #expect(Self.treeParse(text) == nil, "\(text)")
        }
    }

    @Test func rareShapesFallBackToTheTree() {
        let dataFirst =
            #"{"data":{"memberId":"M1","reason":"r"},"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M"}"#
        #expect(Self.directParse(dataFirst) == nil)
        #expect(Self.treeParse(dataFirst) != nil)
        let escapedKey =
            #"{"\u0074ype":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"}}"#
        #expect(Self.directParse(escapedKey) == nil)
        #expect(Self.treeParse(escapedKey) != nil)
    }

    /// Exported lines carry the version each event was recorded at; version 1 of MemberAdmitted
    /// had no credit code, and TrainingDelivered's had no recipient.
    @Test func recordedSchemaVersionsReadAsTheImporterReadsThem() throws {
        let v1Member =
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","name":"n","kind":"enterprise"},"recorded":{"sequence":4,"schemaVersion":1}}"#
        let line = try #require(Self.directParse(v1Member))
        #expect(line.schemaVersion == 1)
        #expect(line == Self.treeParse(v1Member))
        for text in [
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","name":"n","kind":"enterprise","creditCode":"91330100716105852F"},"recorded":{"schemaVersion":1}}"#,
            #"{"type":"TrainingDelivered","occurredAt":"2025-03-01","actor":"M","data":{"providerId":"P","personTimes":3,"topic":"t","recipientId":"R"},"recorded":{"schemaVersion":1}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"},"recorded":{"schemaVersion":0}}"#,
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"},"recorded":{"schemaVersion":2}}"#,
        ] {
            #expect(Self.directParse(text) == nil, "\(text)")
            #expect(Self.treeParse(text) == nil, "\(text)")
        }
        Self.expectAgreement(
            #"{"type":"TrainingDelivered","occurredAt":"2025-03-01","actor":"M","data":{"providerId":"P","personTimes":3,"topic":"t"},"recorded":{"schemaVersion":1,"hash":"ab"}}"#
        )
        Self.expectAgreement(
            #"{"type":"MemberWithdrawn","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","reason":"r"},"recorded":{"schemaVersion":null}}"#
        )
        Self.expectAgreement(
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M","data":{"memberId":"M1","name":"n","kind":"enterprise","creditCode":"91330100716105852F"},"recorded":{"schemaVersion":2}}"#
        )
    }
}
