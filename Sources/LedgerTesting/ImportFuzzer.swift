import ConsortiumLedger
import Domain
import EventStore
import Foundation

/// What a fuzz run saw.
public struct ImportFuzzReport: Sendable, CustomStringConvertible {
    public var cases = 0
    public var byFormat: [String: Int] = [:]
    /// Mutations that still made valid input (imported whole; the ledger is then reset).
    public var accepted = 0
    /// Rejected before anything was written, with issues naming file, line and field.
    public var rejected = 0
    /// Cases run through the `ledger` binary (`import` and `append`).
    public var cliCases = 0
    /// Cases carrying a hostile value (docs/HOSTILE-INPUT.md): huge amount, control characters,
    /// long text, invalid UTF-8 in a record, an implausible date.
    public var hostile = 0
    public var crashes = 0
    public var hangs = 0
    /// Events of a rejected case that were written anyway (must be 0).
    public var partialWrites = 0
    public var violations: [String] = []

    public mutating func merge(_ other: ImportFuzzReport) {
        cases += other.cases
        for (k, v) in other.byFormat { byFormat[k, default: 0] += v }
        accepted += other.accepted
        rejected += other.rejected
        cliCases += other.cliCases
        hostile += other.hostile
        crashes += other.crashes
        hangs += other.hangs
        partialWrites += other.partialWrites
        violations += other.violations
    }

    public var description: String {
        "fuzz cases: \(cases) (\(byFormat.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), "
            + "through the binary: \(cliCases); hostile values: \(hostile); accepted: \(accepted), rejected naming line and field: \(rejected); "
            + "crashes: \(crashes), hangs: \(hangs), partial writes: \(partialWrites), violations: \(violations.count)"
    }
}

/// A directory in memory (`/dev/shm`) when there is one, so fuzzing thousands of imports does
/// not wait for disk syncs; removed when released.
public final class ScratchDirectory: Sendable {
    public let path: String
    private let fallback: TemporaryDirectory?

    public init(_ label: String) {
        let shm = "/dev/shm"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: shm, isDirectory: &isDirectory), isDirectory.boolValue,
            access(shm, W_OK) == 0
        {
            path = shm + "/\(label)-\(UUID().uuidString.prefix(8))"
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            fallback = nil
        } else {
            let temporary = TemporaryDirectory(label)
            path = temporary.path
            fallback = temporary
        }
    }

    public func file(_ name: String) -> String { path + "/" + name }

    deinit {
        if fallback == nil { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Imports mutated versions of valid records into a ledger that already holds a history, and
/// checks every outcome: either the whole file is accepted, or it is rejected with issues that
/// name the file, a line at or after the mutated record and a field — and nothing is written.
/// Never a crash or a hang (the binary runs are watched with a time limit).
public struct ImportFuzzer: Sendable {
    public var seed: UInt64
    /// Events of the generated history already in the ledger; the next `window` are fuzzed.
    public var baseEvents = 150
    public var window = 30

    public init(seed: UInt64) { self.seed = seed }

    /// The base ledger and the valid records the cases are made from.
    public struct Corpus: Sendable {
        public let baseLedger: String
        public let mutator: InputMutator
    }

    public func makeCorpus(in scratch: ScratchDirectory) throws -> Corpus {
        let total = baseEvents + window
        let generatorSeed = Int(seed % 10_000) + 1
        let temporary = TemporaryDirectory("fuzz-gen")
        let jsonl = try GeneratedHistory.write(events: total, seed: generatorSeed, in: temporary)
        let csv = try GeneratedHistory.write(events: total, seed: generatorSeed, format: "csv", in: temporary)
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").map(String.init)
        let csvText = try String(contentsOfFile: csv, encoding: .utf8)
        var table = CSVText.parse(csvText)
        let header = table.removeFirst()
        let base = scratch.file("base.ledger")
        let basePart = scratch.file("base.jsonl")
        try lines.prefix(baseEvents).joined(separator: "\n").write(toFile: basePart, atomically: false, encoding: .utf8)
        do {
            let ledger = try Ledger.create(path: base)
            _ = try ledger.importFiles([ImportInput(path: basePart)])
        }
        let windowCSV = ([header] + Array(table[baseEvents..<total])).map(CSVText.line).joined(separator: "\n")
        return Corpus(baseLedger: base, mutator: InputMutator(lines: Array(lines[baseEvents..<total]), csv: windowCSV))
    }

    /// Runs `cases` cases in this process through `Ledger.importFiles`.
    public func runInProcess(cases: Int, corpus: Corpus, scratch: ScratchDirectory) throws -> ImportFuzzReport {
        var rng = SeededRandom(seed: seed)
        var report = ImportFuzzReport()
        let work = scratch.file("inprocess.ledger")
        try copyLedger(from: corpus.baseLedger, to: work)
        var ledger: Ledger? = try Ledger(path: work)
        let baseCount = try ledger!.eventCount()
        for index in 0..<cases {
            let fuzz = corpus.mutator.makeCase(&rng)
            let file = scratch.file("case-\(index % 4).\(fuzz.format.rawValue)")
            try Data(fuzz.bytes).write(to: URL(fileURLWithPath: file))
            let batchSize = Int.random(in: 1...max(1, fuzz.records), using: &rng)
            report.cases += 1
            report.byFormat[fuzz.format.rawValue, default: 0] += 1
            if fuzz.isHostile { report.hostile += 1 }
            let label =
                "seed \(seed) case \(index + 1) [\(fuzz.format) \(fuzz.records) records, #\(fuzz.mutated): \(fuzz.mutation)]"
            guard let current = ledger else { break }
            do {
                let summary = try current.importFiles(
                    [ImportInput(path: file)], options: ImportOptions(batchSize: batchSize))
                let after = try current.eventCount()
                if after != baseCount + UInt64(summary.appended)
                    || summary.appended + summary.alreadyRecorded != summary.records
                {
                    report.violations.append(
                        "\(label): accepted \(summary.records) records, appended \(summary.appended), log grew by \(after - baseCount)"
                    )
                }
                report.accepted += 1
                if after != baseCount {
                    ledger = nil  // close before restoring the pristine copy
                    try copyLedger(from: corpus.baseLedger, to: work)
                    ledger = try Ledger(path: work)
                }
            } catch let rejected as ImportRejected {
                report.rejected += 1
                let after = try current.eventCount()
                if after != baseCount {
                    report.partialWrites += Int(after - baseCount)
                    report.violations.append("\(label): rejected, yet \(after - baseCount) events were written")
                }
                report.violations += Self.checkIssues(rejected, fuzz, file: file).map { "\(label): \($0)" }
            } catch {
                let after = try current.eventCount()
                report.violations.append(
                    "\(label): failed after validation (\(after - baseCount) events written): \(error)")
                if after != baseCount {
                    report.partialWrites += Int(after - baseCount)
                    ledger = nil
                    try copyLedger(from: corpus.baseLedger, to: work)
                    ledger = try Ledger(path: work)
                }
            }
            if report.violations.count > 20 { break }
        }
        return report
    }

    /// What a rejection must say: at least one issue, each with a field and a message, the first
    /// one no earlier than the mutated record, named in the text as `file:line`.
    static func checkIssues(_ rejected: ImportRejected, _ fuzz: FuzzCase, file: String) -> [String] {
        guard let first = rejected.issues.first else { return ["rejected with no issue"] }
        var problems: [String] = []
        // An unknown key that is itself "" is the only issue allowed an empty field name.
        for issue in rejected.issues
        where issue.message.isEmpty || (issue.field.isEmpty && !issue.message.hasPrefix("unknown field")) {
            problems.append("an issue without field or message: \(issue)")
        }
        let position = first.location.element.map { fuzz.format == .csv ? $0 : $0 + 1 } ?? first.location.line
        if position < fuzz.firstPossibleLine {
            problems.append("first issue \(first) is before the mutated record (line \(fuzz.firstPossibleLine))")
        }
        if !rejected.description.contains("\(file):\(first.location.line)") {
            problems.append("message does not name \(file):\(first.location.line): \(rejected.description.prefix(300))")
        }
        if let field = fuzz.field, position == fuzz.firstPossibleLine,
            first.kind == .invalidField || first.kind == .unknownType
        {
            let leaf = field.split(separator: ".").last.map(String.init) ?? field
            let leafKey = leaf.split(separator: "[").first.map(String.init) ?? leaf
            let related =
                first.field.contains(leafKey) || field.hasPrefix(first.field) || first.message.contains(leafKey)
                || leafKey.isEmpty
            if !related {
                problems.append("mutated \(field) but the issue names \(first.field): \(first.message.prefix(200))")
            }
        }
        return problems
    }

    /// Runs cases through the built `ledger` binary: `import` of mutated files and `append` of
    /// mutated single records (argument or standard input), each watched for crashes and hangs.
    public func runThroughCLI(importCases: Int, appendCases: Int, corpus: Corpus, scratch: ScratchDirectory) throws
        -> ImportFuzzReport
    {
        var rng = SeededRandom(seed: seed ^ 0x5EED)
        var report = ImportFuzzReport()
        let work = scratch.file("cli.ledger")
        try copyLedger(from: corpus.baseLedger, to: work)
        let baseCount = try Ledger(path: work).eventCount()
        func count() throws -> UInt64 { try Ledger(path: work).eventCount() }
        for index in 0..<(importCases + appendCases) {
            let isImport = index < importCases
            let fuzz =
                isImport
                ? corpus.mutator.makeCase(&rng)
                : corpus.mutator.makeCase(format: .jsonl, records: 1, mutating: 0, &rng)
            let label =
                "seed \(seed) cli case \(index + 1) [\(isImport ? "import" : "append") \(fuzz.format) \(fuzz.records) records: \(fuzz.mutation)]"
            report.cases += 1
            report.cliCases += 1
            if fuzz.isHostile { report.hostile += 1 }
            report.byFormat[fuzz.format.rawValue, default: 0] += 1
            let result: ChildResult
            let file = scratch.file("cli-case.\(fuzz.format.rawValue)")
            if isImport {
                try Data(fuzz.bytes).write(to: URL(fileURLWithPath: file))
                let batch = String(Int.random(in: 1...max(1, fuzz.records), using: &rng))
                result = try ChildProcess.run(
                    "ledger", ["import", file, "--batch-size", batch, "--ledger", work], limit: 120)
            } else {
                let text = String(decoding: fuzz.bytes, as: UTF8.self)
                // One argv string may not exceed 128 KiB (MAX_ARG_STRLEN): longer ones go on stdin.
                let asArgument =
                    !fuzz.bytes.contains(0) && Array(text.utf8) == fuzz.bytes && fuzz.bytes.count < 100_000
                    && Bool.random(using: &rng)
                result = try ChildProcess.run(
                    "ledger", asArgument ? ["append", text, "--ledger", work] : ["append", "--ledger", work],
                    stdin: asArgument ? nil : Data(fuzz.bytes), limit: 120)
            }
            let after = try count()
            switch result.outcome {
            case .exited(0):
                report.accepted += 1
                if after == baseCount && !result.stdout.contains("already recorded") {
                    report.violations.append("\(label): exit 0 but nothing was recorded: \(result.stdout.prefix(200))")
                }
                if after != baseCount { try copyLedger(from: corpus.baseLedger, to: work) }
            case .exited(let status):
                report.rejected += 1
                let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                if after != baseCount {
                    report.partialWrites += Int(after - baseCount)
                    report.violations.append("\(label): exit \(status), yet \(after - baseCount) events were written")
                    try copyLedger(from: corpus.baseLedger, to: work)
                }
                if message.isEmpty { report.violations.append("\(label): exit \(status) without a message") }
                if message.unicodeScalars.contains(where: { ControlCharacters.isControl($0) && $0 != "\n" }) {
                    report.violations.append(
                        "\(label): the error message carries a raw control character: \(message.debugDescription.prefix(300))"
                    )
                }
                if isImport {
                    if !message.contains(file + ":") || !message.contains("nothing was written") {
                        report.violations.append(
                            "\(label): message does not name the file and line: \(message.prefix(300))")
                    }
                } else if message.contains("\n") {
                    report.violations.append("\(label): append error is not one line: \(message.prefix(300))")
                } else if message.contains("not valid UTF-8") {
                    // Refused before parsing (standard input): the byte offset is what names the place.
                    if !message.contains("offset") {
                        report.violations.append(
                            "\(label): invalid UTF-8 refused without its offset: \(message.prefix(300))")
                    }
                } else if let field = fuzz.field, let leaf = field.split(separator: ".").last,
                    let key = leaf.split(separator: "[").first,
                    !message.contains(ControlCharacters.escaped(String(key))),
                    !message.contains("line")
                {
                    report.violations.append(
                        "\(label): mutated \(field), message does not name it: \(message.prefix(300))")
                }
            case .signalled:
                report.crashes += 1
                report.violations.append("\(label): \(result)")
            case .hung:
                report.hangs += 1
                report.violations.append("\(label): hung")
            }
            if report.violations.count > 20 { break }
        }
        return report
    }
}
