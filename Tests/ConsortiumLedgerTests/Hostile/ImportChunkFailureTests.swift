import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Testing

/// `import --batch-size 200` racing an `append` of the same member once printed "member …
/// already exists; nothing was written" after it had committed earlier chunks. The race is
/// reproduced deterministically: the append runs between two chunks (from the progress callback).
@Suite("Import chunk failure")
struct ImportChunkFailureTests {
    @Test func aLaterChunkRefusedSaysWhatIsDurableAndHowToResume() throws {
        let dir = TemporaryDirectory("hostile-chunks")
        let ledger = try HostileScenario.ledger(at: dir.file("ledger"))
        let base = try ledger.eventCount()
        var lines: [String] = []
        for i in 1...1_000 {
            if i == 700 {
                lines.append(
                    HostileScenario.line(
                        "late-admit", "MemberAdmitted", by: "gov",
                        #"{"memberId":"late","name":"Late","kind":"enterprise","creditCode":"\#(SampleCreditCodes.enterprise("late"))"}"#
                    ))
            } else {
                lines.append(
                    HostileScenario.line(
                        "r\(i)", "CouncilResolutionPassed", by: "gov",
                        #"{"resolutionId":"R\#(i)","title":"Resolution \#(i)"}"#))
            }
        }
        let file = dir.file("resolutions.jsonl")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        final class Once: @unchecked Sendable { var done = false }
        let once = Once()
        var options = ImportOptions(batchSize: 200)
        options.progress = { phase, _ in
            guard phase == .writing, !once.done else { return }
            once.done = true
            // Another secretary admits the same member after validation, before chunk 4.
            let racer = HostileScenario.line(
                "racer", "MemberAdmitted", by: "gov",
                #"{"memberId":"late","name":"Late Co","kind":"enterprise","creditCode":"\#(SampleCreditCodes.enterprise("late-co"))"}"#
            )
            _ = try? ledger.append([ImportLine.parse(json: racer)])
        }
        let error = #expect(throws: ImportInterrupted.self) {
            try ledger.importFiles([ImportInput(path: file)], options: options)
        }
        let interrupted = try #require(error)
        #expect(interrupted.transactionsCommitted == 3)
        #expect(interrupted.eventsCommitted == 600)
        #expect(interrupted.failedRecords == 601...800)
        // Chunk 1 took base+1…base+200, the racer base+201, chunks 2 and 3 the next 400.
        #expect(interrupted.sequences == (base + 1)...(base + 601))
        let text = interrupted.description
        #expect(!text.contains("nothing was written"), "\(text)")
        #expect(text.contains("600 event(s)") && text.contains("run the same command again"), "\(text)")
        #expect(text.contains("late already exists") || text.contains("late"), "\(text)")
        #expect(try ledger.eventCount() == base + 601)

        // Resuming after fixing the record (the racer's admission stands): the rest goes in.
        lines[699] = HostileScenario.line(
            "r700", "CouncilResolutionPassed", by: "gov", #"{"resolutionId":"R700","title":"Resolution 700"}"#)
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let summary = try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 200))
        #expect(summary.alreadyRecorded == 600)
        #expect(summary.appended == 400)
        #expect(try ledger.eventCount() == base + 1_001)
    }
}
