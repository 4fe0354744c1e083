import Foundation
import LedgerTesting
import Testing

/// A ledger directory plus a way to run the built `ledger` binary against it.
struct CLIFixture {
    let dir = TemporaryDirectory("ledger-cli")
    var ledgerPath: String { dir.file("consortium.ledger") }

    @discardableResult
    func ledger(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run("ledger", arguments + ["--ledger", ledgerPath], stdin: stdin.map { Data($0.utf8) })
    }

    /// `ledger init` plus a chartered consortium with a lead government member.
    func initialised() throws -> CLIFixture {
        let result = try ledger(["init"])
        #expect(result.status == 0, "init failed: \(result.stderr)")
        return self
    }

    /// `ledger log --format jsonl`, each line parsed.
    func loggedEvents(limit: Int = 1_000_000) throws -> [[String: Any]] {
        let out = try ledger(["log", "--format", "jsonl", "--limit", String(limit)])
        return try out.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    func eventCount() throws -> Int {
        let out = try ledger(["log", "--format", "jsonl", "--limit", "1000000"])
        return out.stdout.split(separator: "\n").count
    }
}

enum SampleLines {
    static let charter =
        #"{"id":"e1","type":"ConsortiumChartered","occurredAt":"2025-01-02","actor":"gov-1","data":{"consortiumId":"C1","name":"Test City Consortium","region":"Test City","leadMemberId":"gov-1"}}"#
    static let admitLead =
        #"{"id":"e2","type":"MemberAdmitted","occurredAt":"2025-01-02","actor":"gov-1","data":{"memberId":"gov-1","name":"City Education Bureau","kind":"government"}}"#

    static func admitSchool(_ n: Int, expectedVersion: Int? = nil) -> String {
        let ev = expectedVersion.map { #","expectedVersion":\#($0)"# } ?? ""
        return
            #"{"id":"school-\#(n)","type":"MemberAdmitted","occurredAt":"2025-01-03","actor":"gov-1"\#(ev),"data":{"memberId":"s\#(n)","name":"School \#(n)","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school("s\(n)"))"}}"#
    }
}

/// `ledger audit --json` on the ledger at `path`: its exit status and parsed report.
struct AuditJSON {
    let status: Int32
    let report: [String: Any]
    let text: String

    init(ledger path: String) throws {
        let result = try ProcessRunner.run("ledger", ["audit", "--json", "--ledger", path])
        status = result.status
        text = result.stdout + result.stderr
        report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    }

    var passed: Bool { report["passed"] as? Bool == true }
    var signaturesVerified: Int? { report["signaturesVerified"] as? Int }
    var checkpointsVerified: Int? { report["checkpointsVerified"] as? Int }
    var failure: [String: Any]? { report["firstFailure"] as? [String: Any] }
    var failedSequence: Int? { failure?["sequence"] as? Int }
    var failedCheck: String? { failure?["check"] as? String }
    var failureReason: String? { failure?["reason"] as? String }
}
