import Foundation
import LedgerTesting
import Testing

/// `ledger audit` on copies of a real ledger that were damaged with the environment closed.
@Suite("ledger audit")
struct AuditCLITests {
    /// A ledger with a generated history, a signing member and two signed checkpoints.
    private func builtLedger() throws -> CLIFixture {
        let cli = try CLIFixture().initialised()
        let history = try GeneratedHistory.write(events: 600, seed: 11, in: cli.dir)
        #expect(try cli.ledger(["import", history]).status == 0)
        #expect(try cli.ledger(["checkpoint"]).status == 0)
        // The generator's lead is gov-001; it registers a key for itself and signs events.
        let keygen = try ProcessRunner.run(
            "ledger", ["keygen", "--member", "gov-001", "--actor", "gov-001", "--out", cli.dir.file("gov.key")])
        let registration = try #require(keygen.stdout.split(separator: "\n").last.map(String.init))
        #expect(
            try cli.ledger([
                "append",
                registration.replacingOccurrences(
                    of: #""occurredAt":"[^"]*""#, with: #""occurredAt":"2026-01-01""#, options: .regularExpression),
            ]).status == 0)
        for i in 0..<5 {
            let line =
                #"{"id":"signed-\#(i)","type":"CouncilResolutionPassed","occurredAt":"2026-01-02","actor":"gov-001","data":{"resolutionId":"R-SIGNED-\#(i)","title":"Signed resolution \#(i)"}}"#
            let result = try cli.ledger(["append", line, "--sign-with", cli.dir.file("gov.key")])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try cli.ledger(["checkpoint"]).status == 0)
        return cli
    }

    private func audit(_ path: String) throws -> ProcessResult {
        try ProcessRunner.run("ledger", ["audit", "--ledger", path])
    }

    @Test func aCleanLedgerPassesWithSignaturesAndCheckpointsVerified() throws {
        let cli = try builtLedger()
        let audit = try AuditJSON(ledger: cli.ledgerPath)
        #expect(audit.status == 0, "\(audit.text)")
        #expect(audit.passed)
        #expect(audit.signaturesVerified == 5)
        #expect(audit.checkpointsVerified == 2)
        #expect(audit.failure == nil)
        // The text report says the same for people.
        let text = try self.audit(cli.ledgerPath)
        #expect(text.status == 0 && text.stdout.contains("PASSED"), "\(text.stdout)")
    }

    @Test func aFlippedByteIsNamedBySequence() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("flipped.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        #expect(try LedgerTampering.flipByte(of: "Signed resolution 2", ledger: copy))
        let audit = try AuditJSON(ledger: copy)
        #expect(audit.status == 1)
        #expect(audit.failedSequence == 604, "\(audit.text)")
    }

    @Test func aDeletedRecordIsNamedBySequence() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("deleted.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        try LedgerTampering.deleteRecord(250, ledger: copy)
        let audit = try AuditJSON(ledger: copy)
        #expect(audit.status == 1)
        #expect(audit.failedSequence == 250, "\(audit.text)")
        #expect(audit.failureReason?.contains("missing") == true, "\(audit.text)")
    }

    @Test func reorderedRecordsAreNamedBySequence() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("reordered.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        try LedgerTampering.swapRecords(300, 301, ledger: copy)
        let audit = try AuditJSON(ledger: copy)
        #expect(audit.status == 1)
        #expect(audit.failedSequence == 300, "\(audit.text)")
    }

    /// The forger re-hashes the whole chain after changing a signature: only the signature check
    /// (and the signed checkpoint) can tell, and the signature check names the record, the rule
    /// code and the field (in the JSON report too).
    @Test func aForgedSignatureIsNamedBySequence() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("forged.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        try LedgerTampering.rewrite(from: 605, ledger: copy) { event in
            event.signature?[10] ^= 0xFF
        }
        let audit = try AuditJSON(ledger: copy)
        #expect(audit.status == 1)
        #expect(audit.failedSequence == 605, "\(audit.text)")
        #expect(audit.failedCheck == "member signature")
        #expect(audit.failure?["code"] as? String == "signatureInvalid")
        #expect(audit.failure?["field"] as? String == "signature")
    }

    /// A rewritten unsigned record with a consistent chain is caught by the signed checkpoint.
    @Test func aRewrittenHistoryFailsTheSignedCheckpoint() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("rewritten.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        try LedgerTampering.rewrite(from: 100, ledger: copy) { event in event.occurredAt += 86_400_000 }
        let audit = try AuditJSON(ledger: copy)
        #expect(audit.status == 1)
        #expect(audit.failedSequence == 600, "\(audit.text)")
        #expect(audit.failedCheck == "signed checkpoint")
    }

    @Test func jsonReportNamesTheFirstFailure() throws {
        let cli = try builtLedger()
        let copy = cli.dir.file("json.ledger")
        try LedgerTampering.copy(cli.ledgerPath, to: copy)
        try LedgerTampering.deleteRecord(42, ledger: copy)
        let result = try ProcessRunner.run("ledger", ["audit", "--json", "--ledger", copy])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let failure = object?["firstFailure"] as? [String: Any]
        #expect(failure?["sequence"] as? Int == 42)
        #expect(object?["passed"] as? Bool == false)
    }

    /// A third party checks a checkpoint and an inclusion proof with the public key alone.
    @Test func thirdPartyVerifiesInclusionWithThePublicKeyAlone() throws {
        let cli = try builtLedger()
        let outside = TemporaryDirectory("third-party")
        try cli.ledger(["checkpoint", "--out", outside.file("checkpoint.txt")])
        try cli.ledger(["prove", "inclusion", "signed-3", "--out", outside.file("proof.json")])
        try FileManager.default.copyItem(atPath: cli.ledgerPath + "/checkpoint.pub", toPath: outside.file("ledger.pub"))
        let args = [
            "verify-proof", "--proof", outside.file("proof.json"), "--checkpoint", outside.file("checkpoint.txt"),
            "--public-key", outside.file("ledger.pub"),
        ]
        let ok = try ProcessRunner.run(
            "ledger", args, environment: ["LEDGER_PATH": "/nonexistent"], currentDirectory: outside.path)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("valid"))
        // A tampered proof fails.
        var proof = try String(contentsOfFile: outside.file("proof.json"), encoding: .utf8)
        let digit = try #require(proof.range(of: "\"hashes\" : [\n      \"")).upperBound
        proof.replaceSubrange(digit..<proof.index(after: digit), with: proof[digit] == "0" ? "1" : "0")
        try proof.write(toFile: outside.file("proof.json"), atomically: true, encoding: .utf8)
        let bad = try ProcessRunner.run("ledger", args, currentDirectory: outside.path)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("INVALID"))
    }

    @Test func consistencyProofBetweenTwoCheckpointsVerifies() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["import", try GeneratedHistory.write(events: 300, seed: 2, in: cli.dir)])
        try cli.ledger(["checkpoint", "--out", cli.dir.file("old.txt")])
        try cli.ledger(["import", try GeneratedHistory.write(events: 500, seed: 2, in: cli.dir)])
        try cli.ledger(["checkpoint", "--out", cli.dir.file("new.txt")])
        try cli.ledger(["prove", "consistency", "300", "--out", cli.dir.file("c.json")])
        let result = try ProcessRunner.run(
            "ledger",
            [
                "verify-proof", "--proof", cli.dir.file("c.json"), "--old-checkpoint", cli.dir.file("old.txt"),
                "--checkpoint", cli.dir.file("new.txt"), "--public-key", cli.ledgerPath + "/checkpoint.pub",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("extends"))
    }
}
