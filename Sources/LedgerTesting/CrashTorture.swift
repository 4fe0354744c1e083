import ConsortiumLedger
import Domain
import EventStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a crash-safety run saw.
public struct CrashTortureReport: Sendable, CustomStringConvertible {
    /// Children killed with SIGKILL while importing.
    public var kills = 0
    /// Histories imported to completion (a fresh ledger is started after each).
    public var completedImports = 0
    /// Kills after which the batch in flight (not yet acknowledged) had also landed, whole.
    public var unacknowledgedBatchesLanded = 0
    /// Kills after which nothing beyond the acknowledged batches was there.
    public var cleanCuts = 0
    /// Acknowledged events missing after a kill (must be 0).
    public var eventsLost = 0
    /// The highest acknowledged count seen in one child run.
    public var acknowledgedEvents = 0
    public var violations: [String] = []

    public var description: String {
        "kills survived: \(kills), imports completed: \(completedImports), events lost: \(eventsLost), "
            + "in-flight batch landed: \(unacknowledgedBatchesLanded), clean cuts: \(cleanCuts), "
            + "violations: \(violations.count)"
    }
}

/// Kills a child that imports a generated history in acknowledged batches, again and again,
/// and checks after every kill that the ledger opens, its chain verifies, every acknowledged
/// event is there, the count sits on a batch boundary (no half batch), and that re-running the
/// same import resumes it (what landed is skipped by id).
///
/// The child is `ledger-torture child-append`, which prints `ack N` (the first N lines of the
/// file are recorded) after each commit returns, alternately through `Ledger.append` per batch
/// and through `Ledger.importFiles` (its progress callback follows each durable chunk).
public struct CrashTorture: Sendable {
    public var kills: Int
    public var events = 1_200
    public var batchSize = 40
    public var seed: UInt64
    /// Called with a line per kill when set (the torture tool prints them with --verbose).
    public var log: (@Sendable (String) -> Void)?

    public init(kills: Int, seed: UInt64) {
        self.kills = kills
        self.seed = seed
    }

    public func run(in directory: TemporaryDirectory) throws -> CrashTortureReport {
        var rng = SeededRandom(seed: seed)
        let history = try GeneratedHistory.write(events: events, seed: Int(seed % 10_000) + 1, in: directory)
        let ids = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").map { line in
            try JSONValue.parse(String(line)).objectValue?["id"]?.stringValue ?? ""
        }
        let total = ids.count
        var report = CrashTortureReport()
        var round = 0
        var ledgerPath = directory.file("crash-\(round).ledger")
        _ = try Ledger.create(path: ledgerPath)
        var recorded = 0

        func child(killAt target: Int?) throws -> (result: ChildResult, lastAck: Int, done: Bool, killed: Bool) {
            let via = rng.next() % 3 == 0 ? "import" : "append"
            let process = try ChildProcess(
                product: "ledger-torture",
                [
                    "child-append", "--ledger", ledgerPath, "--file", history, "--batch-size", String(batchSize),
                    "--via", via,
                ])
            var lastAck = 0
            var done = false
            var killed = false
            while let line = process.readLine() {
                if line.hasPrefix("ack "), let n = Int(line.dropFirst(4)) {
                    lastAck = n
                    if let target, n >= target { break }
                } else if line == "done" {
                    done = true
                    break
                }
            }
            if !done, target != nil {
                // Land the kill anywhere in the next commit: before, inside or after its sync.
                usleep(UInt32.random(in: 0..<4_000, using: &rng))
                process.kill(SIGKILL)
                killed = true
            }
            let result = process.wait(limit: 600)
            // Acknowledgements the child wrote before the kill landed are still in the pipe:
            // each one was printed after its commit returned, so each counts.
            for line in result.stdout.split(separator: "\n") {
                if line.hasPrefix("ack "), let n = Int(line.dropFirst(4)) { lastAck = max(lastAck, n) }
                if line == "done" { done = true }
            }
            return (result, lastAck, done, killed)
        }

        func check(after lastAck: Int, before: Int, label: String, killed: Bool) throws -> Int {
            let verify = try ChildProcess.run("ledger", ["verify", "--ledger", ledgerPath], limit: 600)
            if verify.status != 0 { report.violations.append("\(label): verify failed: \(verify)") }
            let snapshot = try EventStore(path: ledgerPath).read {
                try LogInvariants.check($0, collectIds: true)
            }
            report.violations += snapshot.violations.map { "\(label): \($0)" }
            let count = Int(snapshot.head)
            if count < lastAck {
                report.eventsLost += lastAck - count
                report.violations.append("\(label): \(lastAck) events acknowledged, only \(count) recorded")
            }
            if count % batchSize != 0 && count != total {
                report.violations.append(
                    "\(label): \(count) events recorded: not a batch boundary (batch \(batchSize))")
            }
            if count > max(lastAck, before) + batchSize {
                report.violations.append(
                    "\(label): \(count) events recorded but only \(lastAck) acknowledged (more than one batch in flight)"
                )
            }
            for (index, id) in snapshot.ids.enumerated() where index >= total || ids[index] != id {
                report.violations.append(
                    "\(label): sequence \(index + 1) holds \(id), expected \(index < total ? ids[index] : "nothing")")
                break
            }
            if killed {
                if count > max(lastAck, before) {
                    report.unacknowledgedBatchesLanded += 1
                } else {
                    report.cleanCuts += 1
                }
            }
            return count
        }

        func finishRound() throws {
            let again = try ChildProcess.run("ledger", ["import", history, "--ledger", ledgerPath], limit: 600)
            if again.status != 0 || !again.stdout.contains("imported 0 events (\(total) already recorded)") {
                report.violations.append(
                    "round \(round): re-import of a complete history was not a no-op: \(again) \(again.stdout)")
            }
            report.completedImports += 1
        }

        while report.kills < kills {
            let label = "seed \(seed) kill \(report.kills + 1)"
            let target = min(total, recorded + batchSize * Int.random(in: 0...3, using: &rng))
            let (result, lastAck, done, killed) = try child(killAt: target)
            report.acknowledgedEvents = max(report.acknowledgedEvents, lastAck)
            var wasKilled = false
            switch (killed, result.outcome) {
            case (true, .signalled(SIGKILL)):
                wasKilled = true
                report.kills += 1
            case (_, .exited(0)) where done:
                break  // it finished (before the kill, if one was sent)
            default:
                report.violations.append(
                    "\(label): child ended \(result.outcome)\(killed ? " (kill sent)" : ""): \(result)")
            }
            let count = try check(after: lastAck, before: recorded, label: label, killed: wasKilled)
            log?("\(label): acknowledged \(lastAck), recorded \(count) of \(total)")
            if !report.violations.isEmpty { return report }
            recorded = count
            if count == total {
                try finishRound()
                round += 1
                ledgerPath = directory.file("crash-\(round).ledger")
                _ = try Ledger.create(path: ledgerPath)
                recorded = 0
            }
        }
        // Resume the interrupted import to completion.
        let (result, lastAck, done, _) = try child(killAt: nil)
        if !done || result.status != 0 { report.violations.append("final resume did not complete: \(result)") }
        let count = try check(after: lastAck, before: recorded, label: "final resume", killed: false)
        if count != total { report.violations.append("final resume recorded \(count) of \(total) events") }
        try finishRound()
        return report
    }
}
