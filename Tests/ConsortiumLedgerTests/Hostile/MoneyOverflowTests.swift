import ConsortiumLedger
import Domain
import Foundation
import LMDB
import LedgerTesting
import Testing

/// Money that wraps (see docs/HOSTILE-INPUT.md): two `BudgetAllocated` of Int64.max once made a
/// council budget −2 fen and the audit still passed.
@Suite("Money never wraps")
struct MoneyOverflowTests {
    @Test func twoBudgetsOfInt64MaxAreRefusedAndTheBudgetStaysTrue() throws {
        let dir = TemporaryDirectory("hostile-budget")
        let ledger = try HostileScenario.ledger(at: dir.file("ledger"))
        let before = try ledger.eventCount()
        for id in ["B-MAX-1", "B-MAX-2"] {
            let line = HostileScenario.line(
                id, "BudgetAllocated", by: "gov",
                #"{"budgetId":"\#(id)","programme":"apprenticeship","year":2025,"amountFen":9223372036854775807,"source":"x"}"#
            )
            let error = #expect(throws: LedgerError.self) { try ledger.append([ImportLine.parse(json: line)]) }
            #expect(error?.message.contains("data.amountFen") == true, "\(String(describing: error))")
            #expect(
                error?.message.contains("1000000000000 fen") == true, "names the limit: \(String(describing: error))")
        }
        #expect(try ledger.eventCount() == before)
        let json = try ledger.councilReport(year: 2025).json.serialized()
        #expect(json.contains(#""budgetFen":1000000000000"#), "\(json)")
        #expect(try ledger.audit(options: AuditOptions(checkSignatures: false)).passed)
    }

    /// Each figure a money event adds to, doctored to just below Int64.max: the next valid event
    /// would overflow it, so it is refused naming the figure, the field and the limit, and
    /// nothing of it is written (the figure and the log are as they were).
    @Test(
        arguments: [
            (
                HostileScenario.subsidy("budgetFen", slot: 0), "BudgetAllocated",
                #"{"budgetId":"B2","programme":"apprenticeship","year":2025,"amountFen":100,"source":"x"}"#,
                "data.amountFen"
            ),
            (
                HostileScenario.subsidy("appliedFen", slot: 1), "SubsidyApplied",
                #"{"claimId":"K2","budgetId":"B1","programme":"apprenticeship","applicantId":"e1","period":"2025","amountFen":100}"#,
                "data.amountFen"
            ),
            (
                HostileScenario.subsidy("approvedFen", slot: 2), "SubsidyApproved",
                #"{"claimId":"K1","approverId":"assoc","amountFen":100}"#, "data.amountFen"
            ),
            (
                HostileScenario.subsidy("paidFen", slot: 3), "SubsidyPaid", #"{"claimId":"K1","amountFen":100}"#,
                "data.amountFen"
            ),
            (
                HostileScenario.subsidy("clawedBackFen", slot: 4), "SubsidyClawedBack",
                #"{"claimId":"K1","amountFen":50,"reason":"audit"}"#, "data.amountFen"
            ),
            (
                HostileScenario.contributions, "ContributionRecorded",
                #"{"platformId":"L1","memberId":"e1","kind":"cash","valueFen":100}"#, "data.valueFen"
            ),
            (
                HostileScenario.techServiceValue, "TechServiceDelivered",
                #"{"providerId":"e1","clientId":"s1","valueFen":100}"#, "data.valueFen"
            ),
        ] as [(HostileScenario.Figure, String, String, String)])
    func anEventThatWouldOverflowAFigureIsRefused(
        figure: HostileScenario.Figure, type: String, data: String, field: String
    )
        throws
    {
        let dir = TemporaryDirectory("hostile-overflow")
        let path = dir.file("ledger")
        let before: UInt64
        do {
            let ledger = try HostileScenario.ledger(at: path)
            before = try ledger.eventCount()
        }
        let nearMax = Int64.max - 10
        _ = try HostileScenario.counter(figure, ledger: path, set: nearMax)
        do {
            let ledger = try Ledger(path: path)
            let actor =
                ["SubsidyApplied", "ContributionRecorded", "TechServiceDelivered"].contains(type) ? "e1" : "gov"
            let line = HostileScenario.line("overflow", type, by: actor, data)
            let error = #expect(throws: LedgerError.self) { try ledger.append([ImportLine.parse(json: line)]) }
            let message = error?.message ?? ""
            #expect(error?.ruleCode == .amountOverflow, "the stable code travels with the refusal")
            #expect(error?.field == field)
            #expect(message.contains(field), "\(message)")
            #expect(message.contains(figure.name), "\(message)")
            #expect(message.contains("\(Int64.max)"), "names the limit: \(message)")
            #expect(try ledger.eventCount() == before)
        }
        #expect(try HostileScenario.counter(figure, ledger: path) == nearMax, "the refused event changed the figure")
    }

    /// A stored figure out of range — here a budget doctored to −2 fen, what wrapping once
    /// produced — fails the audit naming the tier, the figure and its value.
    @Test func auditFailsOnADoctoredNegativeFigure() throws {
        let dir = TemporaryDirectory("hostile-audit")
        let path = dir.file("ledger")
        do {
            let ledger = try HostileScenario.ledger(at: path)
            #expect(try ledger.audit(options: AuditOptions(checkSignatures: false)).passed)
        }
        _ = try HostileScenario.counter(HostileScenario.subsidy("budgetFen", slot: 0), ledger: path, set: -2)
        let report = try Ledger(path: path).audit(options: AuditOptions(checkSignatures: false))
        #expect(!report.passed)
        #expect(report.failure?.check == "read model council", "\(report.text)")
        let reason = report.failure?.reason ?? ""
        #expect(reason.contains("budgetFen") && reason.contains("-2") && reason.contains("2025"), "\(reason)")
        #expect(reason.contains("out of range"), "\(reason)")
    }
}
