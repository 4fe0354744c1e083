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
        let log = try cli.ledger(["log", "--format", "jsonl", "--limit", "10000"])
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 302)
        let sequences = lines.compactMap { line -> Int? in
            guard let r = line.range(of: #""sequence":"#) else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        #expect(sequences == Array(1...302))
        for writer in 0..<2 {
            for i in 0..<150 { #expect(log.stdout.contains(#""id":"w\#(writer)-\#(i)""#)) }
        }
        #expect(try cli.ledger(["verify"]).status == 0)
    }

    /// A byte flipped in a record's payload (ledger closed) is named by `verify`.
    @Test func verifyNamesTheDamagedSequence() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        try cli.ledger(["append", #"{"id":"t3","type":"TrainingDelivered","occurredAt":"2025-02-01","actor":"gov-1","data":{"providerId":"gov-1","personTimes":3,"topic":"UNIQUE-TOPIC-MARKER"}}"#])
        try cli.ledger(["append", SampleLines.admitSchool(1)])
        #expect(try LedgerTampering.flipByte(of: "UNIQUE-TOPIC-MARKER", ledger: cli.ledgerPath))
        let result = try cli.ledger(["verify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sequence 3"))
    }
}
