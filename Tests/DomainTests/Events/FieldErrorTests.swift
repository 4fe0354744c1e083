import Domain
import Testing

@Suite struct FieldErrorTests {
    func error(_ typeName: String, _ data: JSONValue) -> FieldError? {
        guard case .object(let object) = data else { return nil }
        do {
            _ = try DomainEvent(typeName: typeName, json: object)
            return nil
        } catch {
            return error
        }
    }

    let signed: JSONValue = [
        "agreementId": "A1", "schoolId": "S1", "enterpriseId": "E1", "kind": "orderClass",
        "startsOn": "2025-03-01", "endsOn": "2026-02-28", "places": 40,
    ]

    func with(_ key: String, _ value: JSONValue?) -> JSONValue {
        var object = signed.objectValue ?? JSONObject()
        object[key] = value
        return .object(object)
    }

    @Test func wrongTypeNamesTheFieldAndTheValue() throws {
        let e = try #require(error("AgreementSigned", with("places", "ten")))
        #expect(e.field == "data.places")
        #expect(e.code == .invalidValue)
        #expect(e.description == #"data.places: expected an integer ≥ 0, got "ten""#)
    }

    @Test func negativeNumbersAreOutOfRange() throws {
        let e = try #require(error("AgreementSigned", with("places", -1)))
        #expect(e.description == "data.places: expected an integer ≥ 0, got -1")
    }

    @Test func missingRequiredFieldIsNamed() throws {
        let e = try #require(error("AgreementSigned", with("schoolId", nil)))
        #expect(e.code == .missing)
        #expect(e.field == "data.schoolId")
    }

    @Test func nullRequiredFieldIsRejected() throws {
        let e = try #require(error("AgreementSigned", with("schoolId", .null)))
        #expect(e.field == "data.schoolId")
        #expect(e.got == "null")
    }

    @Test func unknownFieldIsNamed() throws {
        let e = try #require(error("AgreementSigned", with("palces", 4)))
        #expect(e.code == .unknownField)
        #expect(e.field == "data.palces")
        #expect(e.description.contains("places"))
    }

    @Test func enumValuesAreListed() throws {
        let e = try #require(error("AgreementSigned", with("kind", "order-class")))
        #expect(e.field == "data.kind")
        #expect(e.expected.contains(#""orderClass""#))
        #expect(e.expected.contains(#""techService""#))
    }

    @Test(arguments: ["2025-02-30", "2025-3-1", "01/03/2025"])
    func impossibleDatesAreRejected(text: String) throws {
        let e = try #require(error("AgreementSigned", with("startsOn", .string(text))))
        #expect(e.field == "data.startsOn")
        #expect(e.expected == "a date YYYY-MM-DD")
    }

    @Test func identifiersMustBeUsableInStreamNames() throws {
        #expect(error("AgreementSigned", with("agreementId", "")) != nil)
        #expect(error("AgreementSigned", with("agreementId", "A 1")) != nil)
        #expect(error("AgreementSigned", with("agreementId", "A-1_x.2:3")) == nil)
    }

    @Test func optionalNullIsAbsent() throws {
        let object = try #require(with("places", .null).objectValue)
        guard case .agreementSigned(let event) = try DomainEvent(typeName: "AgreementSigned", json: object) else {
            Issue.record("wrong case")
            return
        }
        #expect(event.places == nil)
    }

    @Test func nestedArrayErrorsCarryTheIndex() throws {
        let data: JSONValue = [
            "listId": "L1", "enterpriseId": "E1", "year": 2025,
            "items": [["occupation": "数控车工", "headcount": 3], ["occupation": "焊工", "headcount": 0]],
        ]
        let e = try #require(error("DemandListPublished", data))
        #expect(e.field == "data.items[1].headcount")
        #expect(e.description == "data.items[1].headcount: expected an integer ≥ 1, got 0")
        let extra: JSONValue = [
            "listId": "L1", "enterpriseId": "E1", "year": 2025,
            "items": [["occupation": "x", "headcount": 1, "wage": 9]],
        ]
        #expect(error("DemandListPublished", extra)?.field == "data.items[0].wage")
        let notArray: JSONValue = ["listId": "L1", "enterpriseId": "E1", "year": 2025, "items": "x"]
        #expect(error("DemandListPublished", notArray)?.field == "data.items")
    }

    @Test func arrayOfIdentifiersChecksEachElement() throws {
        let data: JSONValue = [
            "platformId": "X", "kind": "lab", "name": "实验室", "memberIds": ["M1", 7], "plannedBudgetFen": 1,
        ]
        #expect(error("PlatformCreated", data)?.field == "data.memberIds[1]")
    }

    @Test func yearsAreBounded() throws {
        let data: JSONValue = ["year": 20025, "metric": "members", "target": 1]
        #expect(
            error("KPITargetSet", data)?.description == "data.year: expected an integer from 1970 to 9999, got 20025")
    }

    @Test func textMustNotBeBlank() throws {
        #expect(error("MemberWithdrawn", ["memberId": "M1", "reason": "   "])?.field == "data.reason")
        #expect(error("MemberWithdrawn", ["memberId": "M1", "reason": "合并"]) == nil)
    }

    @Test func publicKeysMustBeBase64OfThirtyTwoBytes() throws {
        #expect(error("MemberKeyRegistered", ["memberId": "M1", "publicKey": "abc"])?.field == "data.publicKey")
        let key = String(repeating: "A", count: 43) + "="
        #expect(error("MemberKeyRegistered", ["memberId": "M1", "publicKey": .string(key)]) == nil)
    }

    @Test func unknownTypeIsReportedOnType() throws {
        let e = try #require(error("AgreementSined", signed))
        #expect(e.code == .unknownType)
        #expect(e.field == "type")
    }
}
