import Domain
import Foundation
import LedgerTesting
import Testing

/// Every consortium rule, through the built `ledger` binary: an import that breaks it is
/// refused, and `--report` names the record's line, the rule's stable code and the field.
@Suite("Rule codes in import --report")
struct RuleCodeReportTests {
    /// One broken rule: the history it needs on top of the prelude, then the one bad record.
    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var field: String
        var setup: [String] = []
        var bad: String
        var prelude = RuleLines.standard
        var initArguments: [String] = []
        /// Sign the bad record with a fresh member key that was never registered.
        var signWithUnregisteredKey = false
        var testDescription: String { code }
    }

    static let cases: [Case] = {
        typealias L = RuleLines
        let withClaim = [L.enrol("p1"), L.claim("K1")]
        return [
            Case(code: "unknownReference", field: "data.classId", bad: L.enrol("p1", in: "C9")),
            Case(code: "duplicateId", field: "data.agreementId", bad: L.sign("A1", "school-2", "ent-2", by: "gov")),
            Case(code: "notPermitted", field: "actor", bad: L.amend("A1", by: "ent-2")),
            Case(
                code: "inactiveMember", field: "data.enterpriseId", setup: [L.withdraw("ent-2")],
                bad: L.sign("A2", "school-2", "ent-2", by: "school-2")),
            Case(
                code: "duplicateCreditCode", field: "data.creditCode",
                bad: L.admit("ent-4", "enterprise", creditCode: SampleCreditCodes.enterprise("ent-1"))),
            Case(code: "wrongMemberKind", field: "data.schoolId", bad: L.sign("A2", "ent-3", "ent-2", by: "gov")),
            Case(
                code: "invalidDates", field: "data.endsOn",
                bad: L.sign("A2", "school-2", "ent-2", by: "school-2", from: "2025-06-01", to: "2025-05-31")),
            Case(
                code: "agreementNotActive", field: "data.agreementId", setup: [L.terminate("A1", by: "ent-1")],
                bad: L.amend("A1", by: "gov")),
            Case(code: "classFull", field: "data.classId", setup: [L.enrol("p1"), L.enrol("p2")], bad: L.enrol("p3")),
            Case(
                code: "alreadyEnrolled", field: "data.personId",
                setup: [L.sign("A2", "school-2", "ent-2", by: "gov"), L.openClass("C2", under: "A2"), L.enrol("p1")],
                bad: L.enrol("p1", in: "C2", by: "school-2")),
            Case(code: "wrongStage", field: "data.personId", setup: [L.enrol("p1")], bad: L.hire("p1")),
            Case(
                code: "amountExceeds", field: "data.amountFen", setup: withClaim + [L.approve("K1", 500_000)],
                bad: L.approve("K1", 100_001)),
            Case(code: "invalidAmount", field: "data.amountFen", setup: withClaim, bad: L.approve("K1", 0)),
            Case(
                code: "implausibleValue", field: "data.amountFen", setup: withClaim,
                bad: L.approve("K1", 1_000_000_000_001)),
            Case(
                code: "budgetExceeded", field: "data.amountFen",
                setup: withClaim + [L.enrol("p2"), L.claim("K2", person: "p2"), L.approve("K1", 600_000)],
                bad: L.approve("K2", 400_001)),
            Case(
                code: "advanceTooLarge", field: "data.amountFen",
                setup: withClaim + [L.approve("K1", 600_000), L.pay("K1", 300_000, advance: true)],
                bad: L.pay("K1", 1, advance: true)),
            Case(
                code: "selfApproval", field: "data.approverId",
                setup: [L.enrol("p1"), L.claim("K1", applicant: "assoc")], bad: L.approve("K1", 1, approver: "assoc")),
            Case(
                code: "duplicateClaim", field: "data.personId", setup: withClaim,
                bad: L.claim("K2", applicant: "school-1")),
            Case(
                code: "programmeMismatch", field: "data.programme", setup: withClaim,
                bad: L.claim("K2", period: "2026", programme: "internship")),
            Case(
                code: "alreadyRecorded", field: "data.agreementId", setup: [L.terminate("A1", by: "ent-1")],
                bad: L.terminate("A1", by: "gov")),
            Case(
                code: "chartering", field: "type",
                bad: L.charter.replacingOccurrences(of: "Test Consortium", with: "Second")),
            Case(
                code: "invalidKey", field: "data.publicKey",
                // A non-canonical key encoding.
                bad: L.registerKey("ent-1", publicKey: "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvP=")),
            Case(
                code: "signatureRequired", field: "signature", bad: L.training(by: "ent-1"),
                prelude: RuleLines.bootstrap,
                initArguments: ["--require-signatures"]),
            Case(
                code: "signatureInvalid", field: "signerKeyId", bad: L.training(by: "ent-1"),
                signWithUnregisteredKey: true),
        ]
    }()

    @Test func everyRuleThatInputCanBreakHasACase() {
        // Every RuleViolation.Code except the rule state's own store and corruption failures,
        // which no input can cause: a new rule fails here until it has its case.
        let covered = Set(Self.cases.map(\.code))
        #expect(covered.count == Self.cases.count, "one case per code")
        #expect(covered == Set(RuleViolation.Code.inputRules.map(\.rawValue)))
        #expect(RuleViolation.Code.allCases.count == RuleViolation.Code.inputRules.count + 3)
    }

    @Test(arguments: cases)
    func reportNamesTheCodeAndField(_ rule: Case) throws {
        let cli = CLIFixture()
        #expect(try cli.ledger(["init"] + rule.initArguments).status == 0)
        let prelude = cli.dir.file("prelude.jsonl")
        try rule.prelude.joined(separator: "\n").write(toFile: prelude, atomically: true, encoding: .utf8)
        let setUp = try cli.ledger(["import", prelude])
        #expect(setUp.status == 0, "prelude: \(setUp.stderr)")
        let input = cli.dir.file("input.jsonl")
        try (rule.setup + [rule.bad]).joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let report = cli.dir.file("report.jsonl")
        var arguments = ["import", input, "--report", report]
        if rule.signWithUnregisteredKey {
            let key = cli.dir.file("ent-1.key")
            #expect(try ProcessRunner.run("ledger", ["keygen", "--member", "ent-1", "--out", key]).status == 0)
            arguments += ["--sign-with", key]
        }
        let before = try cli.eventCount()
        let result = try cli.ledger(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("[\(rule.code)]"), "the CLI error names the code: \(result.stderr)")
        #expect(try cli.eventCount() == before, "nothing of a rejected import is written")

        let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1, "\(lines)")
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(record["code"] as? String == rule.code, "\(record)")
        #expect(record["field"] as? String == rule.field, "\(record)")
        #expect(record["line"] as? Int == rule.setup.count + 1)
        #expect(record["file"] as? String == input)
        #expect((record["message"] as? String)?.isEmpty == false)
    }
}
