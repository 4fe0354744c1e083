import Domain
import Testing

/// GB 32100-2015 check characters on real-format codes (published registrations of large
/// enterprises and public institutions), each also with one character changed.
@Suite struct CreditCodeTests {
    static let realCodes = [
        "914403001922038216", "91330100716105852F", "9144030071526726XG", "91110000802100433B",
        "91110108551385082Q", "91440300192317458F", "91350100M000100Y43", "91310000132200821H",
        "12100000400000624D", "91330000142916567N",
    ]

    @Test(arguments: realCodes)
    func realCodesAreValid(code: String) {
        #expect(CreditCode.isValid(code))
        #expect(CreditCode.checkCharacter(for: code) == code.last)
    }

    /// Changing any one of the first 17 characters to another of the alphabet changes the check
    /// character (the weights are units mod 31), and so does changing the check character itself.
    @Test(arguments: realCodes)
    func oneCharacterChangedIsRefusedNamingTheCheckCharacter(code: String) throws {
        var bytes = Array(code.utf8)
        let position = code.utf8.count - 5
        let value = try #require(CreditCode.alphabet.firstIndex(of: bytes[position]))
        bytes[position] = CreditCode.alphabet[(value + 7) % 31]
        let changed = String(decoding: bytes, as: UTF8.self)
        let expected = try #require(CreditCode.checkCharacter(for: changed))
        #expect(expected != code.last)
        #expect(CreditCode.problem(with: changed) == .checkCharacter(expected: expected))

        var lastChanged = Array(code.utf8)
        lastChanged[17] = lastChanged[17] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let wrongCheck = String(decoding: lastChanged, as: UTF8.self)
        #expect(CreditCode.problem(with: wrongCheck) == .checkCharacter(expected: try #require(code.last)))
    }

    @Test func formatErrorsAreNamed() {
        #expect(CreditCode.problem(with: "9133010071610585") == .length(16))
        #expect(CreditCode.problem(with: "91330100716I05852F") == .character(position: 12))
        #expect(CreditCode.problem(with: "91330100716105852f") == .character(position: 18))
        #expect(CreditCode.completing("91330100716105852") == "91330100716105852F")
    }

    @Test func importRefusesAWrongCheckCharacterNamingFieldAndExpectedCharacter() throws {
        let line =
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M-GOV","data":"#
            + #"{"memberId":"M-ENT-01","name":"某精密机械有限公司","kind":"enterprise","creditCode":"91330100716105852G"}}"#
        do {
            _ = try ImportLine.parse(json: line)
            Issue.record("a wrong check character was accepted")
        } catch {
            #expect(error.field == "data.creditCode")
            #expect(error.expected.contains("check character 'F'"))
        }
    }

    @Test func enterprisesAndSchoolsNeedACodeOthersDoNot() throws {
        func admit(_ kind: String, code: String?) -> String {
            let codePart = code.map { #","creditCode":"\#($0)""# } ?? ""
            return #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M-GOV","data":"#
                + #"{"memberId":"M-X","name":"某单位","kind":"\#(kind)"\#(codePart)}}"#
        }
        for kind in ["enterprise", "school"] {
            #expect(throws: ImportFieldError.self) { try ImportLine.parse(json: admit(kind, code: nil)) }
            #expect(try ImportLine.parse(json: admit(kind, code: "12100000400000624D")).type == "MemberAdmitted")
        }
        for kind in ["government", "park", "association", "research"] {
            #expect(try ImportLine.parse(json: admit(kind, code: nil)).type == "MemberAdmitted")
        }
    }

    @Test func aVersionOneLineNeedsNoCodeAndIsStoredAtVersionOne() throws {
        let line =
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M-GOV","data":"#
            + #"{"memberId":"M-ENT-01","name":"某精密机械有限公司","kind":"enterprise"}}"#
        let parsed = try ImportLine.parse(JSONValue.parse(line), schemaVersion: 1)
        #expect(parsed.storedPayload.schemaVersion == 1)
        let decoded = try DomainEvent.decode(
            typeName: "MemberAdmitted", schemaVersion: 1, payload: parsed.storedPayload.payload)
        #expect(decoded == parsed.event)
        let withCode =
            #"{"type":"MemberAdmitted","occurredAt":"2025-03-01","actor":"M-GOV","data":"#
            + #"{"memberId":"M-ENT-01","name":"某精密机械有限公司","kind":"enterprise","creditCode":"91330100716105852F"}}"#
        #expect(throws: ImportFieldError.self) { try ImportLine.parse(JSONValue.parse(withCode), schemaVersion: 1) }
    }
}
