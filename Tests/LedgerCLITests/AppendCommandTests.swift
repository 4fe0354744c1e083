import Foundation
import LedgerTesting
import Testing

@Suite("ledger append")
struct AppendCommandTests {
    @Test func appendsAndShowsTheEventInTheLog() throws {
        let cli = try CLIFixture().initialised()
        #expect(try cli.ledger(["append", SampleLines.charter]).status == 0)
        let result = try cli.ledger(["append"], stdin: SampleLines.admitLead)
        #expect(result.status == 0)
        #expect(result.stdout.contains("sequence 2"))
        let events = try cli.loggedEvents()
        #expect(events.map { $0["type"] as? String } == ["ConsortiumChartered", "MemberAdmitted"])
        #expect(events.map { ($0["recorded"] as? [String: Any])?["sequence"] as? Int } == [1, 2])
    }

    @Test func resendingTheSameIdIsANoOp() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        let again = try cli.ledger(["append", SampleLines.charter])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already recorded at sequence 1"))
        #expect(try cli.eventCount() == 1)
    }

    /// Each bad input: a one-line error naming what is wrong, non-zero exit, nothing written.
    @Test(arguments: [
        (#"{"type":"MemberAdmitted","occurredAt":"2025-01-03","actor":"gov-1","data":{"memberId":"#, "JSON"),
        (#"{"type":"MemberBanished","occurredAt":"2025-01-03","actor":"gov-1","data":{}}"#, "type"),
        (
            #"{"type":"MemberAdmitted","actor":"gov-1","data":{"memberId":"s1","name":"S","kind":"school"}}"#,
            "occurredAt"
        ),
        (
            #"{"type":"MemberAdmitted","occurredAt":"2025-01-03","data":{"memberId":"s1","name":"S","kind":"school"}}"#,
            "actor"
        ),
        (
            #"{"type":"MemberAdmitted","occurredAt":"2025-01-03","actor":"gov-1","data":{"memberId":"s1","name":"S","kind":"castle"}}"#,
            "data.kind"
        ),
        (
            #"{"type":"OrderClassOpened","occurredAt":"2025-01-03","actor":"gov-1","data":{"classId":"c1","agreementId":"a1","major":"CNC","capacity":"ten","intakeYear":2025}}"#,
            "data.capacity"
        ),
    ])
    func rejectsBadInputWithOneClearLine(input: String, names field: String) throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        let result = try cli.ledger(["append", input])
        #expect(result.status != 0)
        let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(message.contains(field), "error should name \(field): \(message)")
        #expect(!message.contains("\n"), "one line expected: \(message)")
        #expect(try cli.eventCount() == 2)
    }

    @Test func wrongExpectedVersionNamesStreamAndVersions() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        #expect(try cli.ledger(["append", SampleLines.admitSchool(1, expectedVersion: 0)]).status == 0)
        let conflict = try cli.ledger(["append", SampleLines.admitSchool(2, expectedVersion: 5)])
        #expect(conflict.status != 0)
        #expect(conflict.stderr.contains("member-s2"))
        #expect(conflict.stderr.contains("expected version 5, actual 0"))
        #expect(try cli.eventCount() == 3)
    }

    @Test func missingLedgerSaysHowToCreateOne() throws {
        let cli = CLIFixture()
        let result = try cli.ledger(["append", SampleLines.charter])
        #expect(result.status != 0)
        #expect(result.stderr.contains("ledger init"))
    }
}
