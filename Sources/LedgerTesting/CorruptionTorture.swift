import ConsortiumLedger
import EventStore
import Foundation

/// What a corruption run saw.
public struct CorruptionTortureReport: Sendable, CustomStringConvertible {
    public var trials = 0
    public var byKind: [String: Int] = [:]
    /// `ledger verify` exited 1 with a message.
    public var detected = 0
    /// `ledger verify` exited 0 and `ledger log` showed every event unchanged (damage in free
    /// pages, stale copies or index databases).
    public var harmless = 0
    /// Flips aimed at a live record's bytes, and how many of them `verify` named by sequence.
    public var recordFlips = 0
    public var recordFlipsNamed = 0
    /// Children killed by a signal (LMDB reading a corrupt page), by signal name.
    public var crashes: [String: Int] = [:]
    /// Crashes by damage kind.
    public var crashesByKind: [String: Int] = [:]
    public var hangs = 0
    /// First line of each distinct error message shape (numbers stripped), with a count.
    public var messages: [String: Int] = [:]
    public var violations: [String] = []

    public var crashCount: Int { crashes.values.reduce(0, +) }

    public var description: String {
        let crashText = crashes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let crashKinds = crashesByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", ")
        return
            "corruptions: \(trials) (\(byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); "
            + "detected (exit 1): \(detected); harmless (exit 0, log intact): \(harmless); "
            + "record flips named by sequence: \(recordFlipsNamed)/\(recordFlips); "
            + "reader crashes: \(crashCount)\(crashText.isEmpty ? "" : " [\(crashText); by damage: \(crashKinds)]"); "
            + "hangs: \(hangs); silent acceptances: \(violations.count)"
    }
}

/// Damages copies of a closed ledger's `data.mdb` — one flipped byte, a truncation, or a zeroed
/// 4096-byte page — and runs `ledger verify` on each copy in a child process (a corrupt B-tree
/// can crash an LMDB reader; the test process must survive it). The oracle:
/// - a flip inside a live record's key or value must make `verify` exit 1 naming that sequence;
/// - whenever `verify` exits 0, `ledger log` must show every event exactly as before;
/// - crashes and hangs of the child are counted (and reported), never silent.
public struct CorruptionTorture: Sendable {
    public var trials: Int
    public var events = 600
    public var seed: UInt64
    public var log: (@Sendable (String) -> Void)?

    public init(trials: Int, seed: UInt64) {
        self.trials = trials
        self.seed = seed
    }

    public func run(in directory: TemporaryDirectory) throws -> CorruptionTortureReport {
        var rng = SeededRandom(seed: seed)
        let pristine = directory.file("pristine.ledger")
        do {
            let history = try GeneratedHistory.write(events: events, seed: Int(seed % 10_000) + 1, in: directory)
            let ledger = try Ledger.create(path: pristine)
            // Many small commits leave stale page copies in the free list, as a long-lived ledger has.
            _ = try ledger.importFiles([ImportInput(path: history)], options: ImportOptions(batchSize: 25))
        }
        let original = try ChildProcess.run(
            "ledger", ["log", "--format", "jsonl", "--limit", "100000000", "--ledger", pristine])
        guard original.status == 0 else { throw TortureSetupFailed("log of the pristine ledger failed: \(original)") }
        let layout = try RecordLayout.measure(ledgerPath: pristine)
        let size = layout.fileSize
        let valueSpans = layout.spans.filter { $0.part == .value }
        var report = CorruptionTortureReport()
        let trial = directory.file("trial.ledger")

        for index in 0..<trials {
            let damage: FileDamage
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<3:
                // Aimed at a live record (its value, sometimes its key).
                let span = valueSpans.randomElement(using: &rng)!
                let target =
                    Int.random(in: 0..<5, using: &rng) == 0
                    ? layout.spans.first { $0.sequence == span.sequence && $0.part == .key }!.range : span.range
                damage = .flip(
                    offset: Int.random(in: target, using: &rng), mask: UInt8.random(in: 1...255, using: &rng))
            case 3..<6:
                damage = .flip(
                    offset: Int.random(in: 0..<size, using: &rng), mask: UInt8.random(in: 1...255, using: &rng))
            case 6..<8:
                damage = .zeroPage(
                    offset: Int.random(in: 0..<(size / FileDamage.pageSize), using: &rng) * FileDamage.pageSize)
            default:
                damage = .truncate(length: Int.random(in: 0..<size, using: &rng))
            }
            report.trials += 1
            report.byKind[damage.kind, default: 0] += 1
            try copyLedger(from: pristine, to: trial)
            try damage.apply(to: trial + "/data.mdb")
            let hit = layout.spans(overlapping: damage.damagedRange(fileSize: size))
            let label = "seed \(seed) trial \(index + 1): \(damage)"
            let verify = try ChildProcess.run("ledger", ["verify", "--ledger", trial], limit: 300)
            log?("\(label) → verify \(verify.outcome)")
            if case .flip = damage, let span = hit.first {
                report.recordFlips += 1
                let named =
                    verify.stderr.contains("sequence \(span.sequence)")
                    || verify.stderr.contains("record \(span.sequence)")
                if verify.status == 1 && named {
                    report.recordFlipsNamed += 1
                } else {
                    report.violations.append(
                        "\(label) in record \(span.sequence)'s \(span.part): verify did not name sequence \(span.sequence): \(verify)"
                    )
                }
            }
            switch verify.outcome {
            case .exited(0):
                let shown = try ChildProcess.run(
                    "ledger", ["log", "--format", "jsonl", "--limit", "100000000", "--ledger", trial], limit: 300)
                if shown.status == 0 && shown.stdout == original.stdout {
                    report.harmless += 1
                } else if shown.outcome.isCrash || shown.outcome == .hung {
                    report.crashes["log " + shown.outcome.description, default: 0] += 1
                    report.crashesByKind[damage.kind, default: 0] += 1
                } else if shown.status != 0 {
                    report.detected += 1  // log refused to read it: not silent
                } else {
                    let before = original.stdout.split(separator: "\n").count
                    let after = shown.stdout.split(separator: "\n").count
                    report.violations.append(
                        "\(label): verify passed but the log changed (\(before) events before, \(after) now; live record bytes hit: \(hit.map { "\($0.sequence)/\($0.part)" }))"
                    )
                }
            case .exited(let status):
                let message = verify.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                if status != 1 || message.isEmpty {
                    report.violations.append(
                        "\(label): verify exited \(status) with \(message.isEmpty ? "no message" : message)")
                } else {
                    report.detected += 1
                    let shape = String(message.split(separator: "\n").first ?? "")
                        .replacing(/[0-9]+/, with: "N").replacing(/\/[^ :)]*/, with: "PATH")
                    report.messages[String(shape.prefix(160)), default: 0] += 1
                }
            case .signalled(let signal):
                report.crashes[ChildOutcome.signalName(signal), default: 0] += 1
                report.crashesByKind[damage.kind, default: 0] += 1
            case .hung:
                report.hangs += 1
                report.violations.append("\(label): verify hung")
            }
        }
        return report
    }
}

struct TortureSetupFailed: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
