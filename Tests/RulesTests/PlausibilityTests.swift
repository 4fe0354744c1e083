import Domain
import Testing

/// DOMAIN.md "Plausible values" (see docs/HOSTILE-INPUT.md): each limit refuses with
/// `implausibleValue` naming the field and the limit; the boundary itself is accepted.
@Suite("Plausible values")
struct PlausibilityTests {
    /// 2025-03-01T00:00Z, the recording clock of these checks.
    static let now: Int64 = 1_740_787_200_000

    static func line(_ type: String, _ data: String, occurredAt: String = "2025-03-01") throws -> ImportLine {
        try ImportLine.parse(
            json: #"{"type":"\#(type)","occurredAt":"\#(occurredAt)","actor":"gov","data":\#(data)}"#)
    }

    static func violation(_ line: ImportLine) -> RuleViolation? {
        do {
            try Plausibility.check(line.event, occurredAt: line.occurredAt, recordedAtMilliseconds: now)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (
            #"{"budgetId":"B","programme":"apprenticeship","year":2025,"amountFen":1000000000001,"source":"s"}"#,
            "BudgetAllocated", "data.amountFen"
        ),
        (
            #"{"budgetId":"B","programme":"apprenticeship","year":2025,"amountFen":9223372036854775807,"source":"s"}"#,
            "BudgetAllocated", "data.amountFen"
        ),
        (
            #"{"claimId":"K","budgetId":"B","programme":"apprenticeship","applicantId":"e","period":"2025","amountFen":9223372036854775807}"#,
            "SubsidyApplied", "data.amountFen"
        ),
        (#"{"claimId":"K","approverId":"g","amountFen":1000000000001}"#, "SubsidyApproved", "data.amountFen"),
        (#"{"claimId":"K","amountFen":1000000000001}"#, "SubsidyPaid", "data.amountFen"),
        (#"{"claimId":"K","amountFen":1000000000001,"reason":"r"}"#, "SubsidyClawedBack", "data.amountFen"),
        (
            #"{"platformId":"L","memberId":"m","kind":"cash","valueFen":1000000000001}"#, "ContributionRecorded",
            "data.valueFen"
        ),
        (#"{"providerId":"p","clientId":"c","valueFen":1000000000001}"#, "TechServiceDelivered", "data.valueFen"),
    ])
    func amountsOverTenToTheTwelveFenAreRefused(data: String, type: String, field: String) throws {
        let violation = try #require(Self.violation(Self.line(type, data)))
        #expect(violation.code == .implausibleValue)
        #expect(violation.field == field)
        #expect(violation.message.contains("1000000000000 fen"), "names the limit: \(violation)")
    }

    @Test func exactlyTenToTheTwelveFenIsAccepted() throws {
        let line = try Self.line(
            "BudgetAllocated",
            #"{"budgetId":"B","programme":"apprenticeship","year":2025,"amountFen":1000000000000,"source":"s"}"#)
        #expect(Self.violation(line) == nil)
    }

    @Test(arguments: [#"\u001b[2J"#, #"a\r\nb"#, #"\u009b31m"#, #"tab\there"#, #"bell\u0007"#, #"\u007f"#])
    func controlCharactersInFreeTextAreRefused(text: String) throws {
        let line = try Self.line("CouncilResolutionPassed", #"{"resolutionId":"R","title":"x\#(text)"}"#)
        let violation = try #require(Self.violation(line))
        #expect(violation.code == .implausibleValue)
        #expect(violation.field == "data.title")
        #expect(violation.message.contains("control character"))
    }

    @Test func textOfMoreThanAThousandCharactersIsRefused() throws {
        let exact = try Self.line(
            "CouncilResolutionPassed", #"{"resolutionId":"R","title":"\#(String(repeating: "长", count: 1_000))"}"#)
        #expect(Self.violation(exact) == nil)
        let long = try Self.line(
            "CouncilResolutionPassed", #"{"resolutionId":"R","title":"\#(String(repeating: "长", count: 1_001))"}"#)
        let violation = try #require(Self.violation(long))
        #expect(violation.code == .implausibleValue)
        #expect(violation.field == "data.title")
        #expect(violation.message.contains("1000"))
        // Nested free text too: a milestone title inside a project.
        let nested = try Self.line(
            "ProjectCreated",
            #"{"projectId":"P","title":"t","leadMemberId":"m","budgetFen":1,"startsOn":"2025-01-01","endsOn":"2025-12-31","milestones":[{"milestoneId":"M","title":"\#(String(repeating: "x", count: 1_001))","dueOn":"2025-06-01"}]}"#
        )
        #expect(Self.violation(nested)?.field == "data.milestones[0].title")
    }

    @Test(arguments: [
        ("9999-12-31", false), ("1969-12-31", false), ("1989-12-31", false), ("1990-01-01", true), ("2100-12-31", true),
        ("2101-01-01", false),
    ])
    func datesLieWithinNineteenNinetyAndTwentyOneHundred(date: String, accepted: Bool) throws {
        let line = try Self.line(
            "AgreementSigned",
            #"{"agreementId":"A","schoolId":"s","enterpriseId":"e","kind":"orderClass","startsOn":"2025-01-01","endsOn":"\#(date)"}"#
        )
        let violation = Self.violation(line)
        #expect((violation == nil) == accepted, "\(String(describing: violation))")
        if !accepted { #expect(violation?.field == "data.endsOn") }
    }

    @Test func occurredAtAtMostOneDayAfterRecording() throws {
        let tomorrow = try Self.line(
            "CouncilResolutionPassed", #"{"resolutionId":"R","title":"t"}"#, occurredAt: "2025-03-02")
        #expect(Self.violation(tomorrow) == nil)
        let later = try Self.line(
            "CouncilResolutionPassed", #"{"resolutionId":"R","title":"t"}"#, occurredAt: "2025-03-02T00:00:01Z")
        #expect(Self.violation(later)?.field == "occurredAt")
        let ancient = try Self.line(
            "CouncilResolutionPassed", #"{"resolutionId":"R","title":"t"}"#, occurredAt: "1969-07-20")
        #expect(Self.violation(ancient)?.field == "occurredAt")
    }

    @Test func yearsOutsideTheRangeAreRefused() throws {
        let line = try Self.line(
            "BudgetAllocated", #"{"budgetId":"B","programme":"apprenticeship","year":9999,"amountFen":1,"source":"s"}"#)
        #expect(Self.violation(line)?.field == "data.year")
    }
}
