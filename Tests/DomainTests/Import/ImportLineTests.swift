import Domain
import Testing

@Suite struct ImportLineTests {
    let line = #"""
        {"id":"7f3c1a2e-1b2c-4d5e-8f90-0123456789ab","type":"AgreementSigned","occurredAt":"2025-03-01T09:30:00+08:00",
         "actor":"M-SCH-01","expectedVersion":0,"causationId":"c-1","correlationId":"batch-7",
         "data":{"agreementId":"A1","schoolId":"M-SCH-01","enterpriseId":"M-ENT-01","kind":"apprenticeship",
                 "startsOn":"2025-03-01","endsOn":"2028-02-29","places":30}}
        """#

    func failure(_ text: String) -> ImportFieldError? {
        do {
            _ = try ImportLine.parse(json: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesAFullLine() throws {
        let parsed = try ImportLine.parse(json: line)
        #expect(parsed.id == "7f3c1a2e-1b2c-4d5e-8f90-0123456789ab")
        #expect(parsed.type == "AgreementSigned")
        #expect(parsed.actor == "M-SCH-01")
        #expect(parsed.expectedVersion == 0)
        #expect(parsed.causationId == "c-1")
        #expect(parsed.correlationId == "batch-7")
        #expect(parsed.occurredAt.localDate.description == "2025-03-01")
        #expect(parsed.streamId == "agreement-A1")
        guard case .agreementSigned(let signed) = parsed.event else {
            Issue.record("wrong event case")
            return
        }
        #expect(signed.kind == .apprenticeship)
        #expect(signed.places == 30)
        #expect(signed.endsOn.description == "2028-02-29")
    }

    @Test func writesTheImportFormBack() throws {
        let parsed = try ImportLine.parse(json: line)
        let object = parsed.jsonObject()
        #expect(object.keys == ImportLine.envelopeKeys)
        #expect(try ImportLine.parse(.object(object)) == parsed)
        #expect(try ImportLine.parse(json: JSONValue.object(object).serialized()) == parsed)
    }

    @Test func minimalLineHasNoOptionalEnvelope() throws {
        let parsed = try ImportLine.parse(
            json: #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7"}}"#)
        #expect(parsed.id == nil)
        #expect(parsed.expectedVersion == nil)
        #expect(parsed.jsonObject().keys == ["type", "occurredAt", "actor", "data"])
    }

    @Test(arguments: [
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7"},"note":1}"#,
            "note", ImportFieldError.Code.unknownField
        ),
        (#"{"occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7"}}"#, "type", .missing),
        (
            #"{"type":"Graduated","occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7"}}"#, "type",
            .unknownType
        ),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"1 July","actor":"M1","data":{"personId":"p7"}}"#,
            "occurredAt", .invalidValue
        ),
        (#"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","data":{"personId":"p7"}}"#, "actor", .missing),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M 1","data":{"personId":"p7"}}"#,
            "actor", .invalidValue
        ),
        (
            #"{"id":"","type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7"}}"#,
            "id", .invalidValue
        ),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","expectedVersion":-1,"data":{"personId":"p7"}}"#,
            "expectedVersion", .invalidValue
        ),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","expectedVersion":"3","data":{"personId":"p7"}}"#,
            "expectedVersion", .invalidValue
        ),
        (#"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1"}"#, "data", .missing),
        (#"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":[]}"#, "data", .invalidValue),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":{}}"#, "data.personId",
            .missing
        ),
        (
            #"{"type":"ApprenticeGraduated","occurredAt":"2025-07-01","actor":"M1","data":{"personId":"p7","x":1}}"#,
            "data.x", .unknownField
        ),
        (#"["not","an","object"]"#, "line", .notAnObject),
        (#"{"type":"ApprenticeGraduated",}"#, "line", .malformedCell),
    ])
    func errorsNameTheField(text: String, field: String, code: ImportFieldError.Code) throws {
        let error = try #require(failure(text))
        #expect(error.field == field)
        #expect(error.code == code)
        #expect(error.description.hasPrefix(field))
    }

    @Test func dataErrorsSayWhichTypeApplied() throws {
        let error = try #require(
            failure(
                #"{"type":"OrderClassOpened","occurredAt":"2025-07-01","actor":"M1","data":{"classId":"C1","agreementId":"A1","major":"数控","capacity":"ten","intakeYear":2025}}"#
            ))
        #expect(error.description == #"data.capacity (OrderClassOpened): expected an integer ≥ 1, got "ten""#)
    }
}
