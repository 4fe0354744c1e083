import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting
import Testing

@Suite("Bad input")
struct BadInputTests {
    /// 10,000 mutated JSONL, JSON-array and CSV files (byte flips, truncations, deleted fields,
    /// swapped types, huge numbers, odd Unicode and invalid UTF-8, nesting up to 100,000 deep,
    /// unknown/duplicate keys, control bytes, broken CSV cells) imported in this process into a
    /// ledger holding a history: each is accepted whole, or rejected naming the file, a line at or
    /// after the mutated record and the field — with nothing written. Never a crash or a hang.
    @Test(.timeLimit(.minutes(10)))
    func mutatedImportsAreAcceptedWholeOrRejectedNamingLineAndField() throws {
        let seed = SeededRandom.seed(fallback: 10_000)
        let scratch = ScratchDirectory("reliability-fuzz")
        let fuzzer = ImportFuzzer(seed: seed)
        let corpus = try fuzzer.makeCorpus(in: scratch)
        let report = try fuzzer.runInProcess(cases: 10_000, corpus: corpus, scratch: scratch)
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.joined(separator: "\n"))")
        #expect(report.cases == 10_000)
        #expect(report.partialWrites == 0)
        #expect(report.rejected > report.cases / 2, "most mutations should be rejected: \(report)")
        #expect(report.accepted > 0, "no mutation survived validation: the oracle for accepted files went untested")
        #expect(report.hostile > 1_000, "huge amounts, control characters, long text, bad UTF-8 and dates: \(report)")
        for format in FuzzFormat.allCases { #expect((report.byFormat[format.rawValue] ?? 0) > 2_000) }
    }

    /// 300 mutated inputs through the `ledger` binary: `import` of files and `append` of single
    /// records (as an argument or on standard input). Exit 0, or exit 1 with a message naming the
    /// file and line (import) or the field in one line (append); no signal, no hang, nothing partial.
    @Test func mutatedInputThroughTheBinaryNeverCrashesOrWritesPartially() throws {
        let seed = SeededRandom.seed(fallback: 300)
        let scratch = ScratchDirectory("reliability-clifuzz")
        let fuzzer = ImportFuzzer(seed: seed)
        let corpus = try fuzzer.makeCorpus(in: scratch)
        let report = try fuzzer.runThroughCLI(importCases: 150, appendCases: 150, corpus: corpus, scratch: scratch)
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.joined(separator: "\n"))")
        #expect(report.cliCases == 300)
        #expect(report.crashes == 0)
        #expect(report.hangs == 0)
        #expect(report.rejected > 100)
    }

    /// An import whose record conflicts with what is recorded — an id reused with different
    /// content (already in the ledger, or earlier in the same file), or an expectedVersion the
    /// stream is not at — is bad input like any other: rejected before anything is written,
    /// naming the file, line and field. (Today validation skips recorded ids, compares no ids
    /// within the file and ignores expectedVersion, so the conflict surfaces at write time as
    /// "event 1 of the batch", after the earlier chunks were committed.)
    @Test(arguments: ["recorded id", "id used earlier in the file", "wrong expectedVersion"])
    func conflictingRecordIsRejectedBeforeAnythingIsWritten(kind: String) throws {
        let dir = TemporaryDirectory("reliability-conflict")
        let lines = try GeneratedHistory.lines(events: 60, seed: 8, in: dir)
        let ledger = try Ledger.create(path: dir.file("ledger"))
        let base = dir.file("base.jsonl")
        try lines.prefix(40).joined(separator: "\n").write(toFile: base, atomically: true, encoding: .utf8)
        _ = try ledger.importFiles([ImportInput(path: base)])
        var rest = Array(lines[40...])
        let field: String
        if kind == "wrong expectedVersion" {
            #expect(rest[15].hasPrefix("{"))
            rest[15] = #"{"expectedVersion":999,"# + rest[15].dropFirst()
            field = "expectedVersion"
        } else {
            let stolen = kind == "recorded id" ? lines[4] : rest[2]
            let stolenId = try #require(try JSONValue.parse(stolen).objectValue?["id"]?.stringValue)
            let ownId = try #require(try JSONValue.parse(rest[15]).objectValue?["id"]?.stringValue)
            rest[15] = rest[15].replacingOccurrences(of: ownId, with: stolenId)
            field = "id"
        }
        let file = dir.file("rest.jsonl")
        try rest.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        let error = #expect(throws: ImportRejected.self) {
            try ledger.importFiles([ImportInput(path: file)], options: ImportOptions(batchSize: 5))
        }
        #expect(error?.issues.first?.location.line == 16)
        #expect(error?.issues.first?.field == field)
        let written = try ledger.eventCount()
        #expect(written == 40, "events of the rejected import were written")
    }
}
