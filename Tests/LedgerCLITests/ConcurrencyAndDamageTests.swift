import Foundation
import LedgerTesting
import Testing

@Suite("ledger processes and damage")
struct ConcurrencyAndDamageTests {
    /// Two processes import disjoint event sets at once; the log ends gapless with every event.
    @Test func twoProcessesAppendingLeaveAGaplessLog() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        var files: [String] = []
        for writer in 0..<2 {
            let lines = (0..<150).map { i in
                #"{"id":"w\#(writer)-\#(i)","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"gov-1","data":{"providerId":"gov-1","personTimes":\#(i + 1),"topic":"safety w\#(writer)"}}"#
            }
            let file = cli.dir.file("w\(writer).jsonl")
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        // Small batches so the two writers interleave their transactions.
        let procs = try files.map { file in
            try ProcessRunner.start("ledger", ["import", file, "--batch-size", "7", "--ledger", cli.ledgerPath])
        }
        for (process, _, err) in procs {
            process.waitUntilExit()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(stderr)")
        }
        let events = try cli.loggedEvents(limit: 10_000)
        #expect(events.count == 302)
        #expect(events.compactMap { ($0["recorded"] as? [String: Any])?["sequence"] as? Int } == Array(1...302))
        let ids = Set(events.compactMap { $0["id"] as? String })
        for writer in 0..<2 {
            for i in 0..<150 { #expect(ids.contains("w\(writer)-\(i)")) }
        }
        #expect(try cli.ledger(["verify"]).status == 0)
    }

    /// A byte flipped in a record's payload (ledger closed) is named by `verify`.
    @Test func verifyNamesTheDamagedSequence() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        try cli.ledger([
            "append",
            #"{"id":"t3","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"gov-1","data":{"providerId":"gov-1","personTimes":3,"topic":"UNIQUE-TOPIC-MARKER"}}"#,
        ])
        try cli.ledger(["append", SampleLines.admitSchool(1)])
        #expect(try LedgerTampering.flipByte(of: "UNIQUE-TOPIC-MARKER", ledger: cli.ledgerPath))
        let result = try cli.ledger(["verify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sequence 3"))
    }
}
