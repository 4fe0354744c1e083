import Audit
import ConsortiumLedger
import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Real `ledger serve --http` and `ledger mirror` processes (and witnesses) on 127.0.0.1.
@Suite("Mirrors (server, mirror and witness processes on loopback)", .serialized)
struct MirrorTests {
    /// Reads the child's lines until one contains `text`; the child is killed after `limit` seconds
    /// so a mirror that never gets there ends the wait instead of hanging the test.
    private static func waitForLine(_ child: ChildProcess, containing text: String, limit: Double = 180) -> Bool {
        let watchdog = DispatchWorkItem { child.kill(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        defer { watchdog.cancel() }
        while let line = child.readLine() {
            if line.contains(text) { return true }
        }
        return false
    }

    /// Retries `body` (a mirror run) until it exits 0, for checkpoints the server cosigns in the background.
    private static func untilSuccess(_ body: () throws -> ProcessResult) throws -> ProcessResult {
        var result = try body()
        for _ in 0..<150 where result.status != 0 {
            Thread.sleep(forTimeInterval: 0.1)
            result = try body()
        }
        return result
    }

    private static func quorumArguments(_ fleet: WitnessFleet, _ quorum: Int) -> [String] {
        fleet.members.flatMap { ["--witness-key", $0.publicKeyPath] } + ["--quorum", String(quorum)]
    }

    private static func waitForEvidence(_ fleet: WitnessFleet, count: Int) {
        for _ in 0..<300 where fleet.members.indices.contains(where: { fleet.evidence($0).count < count }) {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    @Test("a mirror follows a server through 10^5 events and later appends; answers and audit equal the primary's")
    func followsLargeHistory() throws {
        let dir = TemporaryDirectory("mirror-follow")
        let ledger = try CLILedger(in: dir, events: 100_000, total: 101_000)
        _ = try ledger.origin()
        let server = try LedgerServerProcess(ledger: ledger.path)
        defer { server.stop() }
        let mirrorPath = dir.file("mirror")

        let first = try server.mirror(to: mirrorPath)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("to size 100000 (100000 records copied)"), "\(first.stdout)")
        // (Answers and audit are compared once, after the later appends: the debug build is slow at 10^5.)

        let follower = try server.startMirror(to: mirrorPath, ["--follow", "--interval", "0.2"])
        try ledger.importNext(1_000)
        _ = try ledger.origin()
        #expect(Self.waitForLine(follower, containing: "to size 101000 (1000 records copied)"))
        follower.kill(SIGTERM)
        _ = follower.wait(limit: 30)
        #expect(try LedgerComparison.answers(mirrorPath) == LedgerComparison.answers(ledger.path))
        let audit = try ledgerCLI(["audit", "--ledger", mirrorPath])
        #expect(audit.status == 0, "\(audit.stdout)")
        // The mirror holds the primary's signed checkpoints, verifiable with the primary's key.
        let note = try SignedCheckpoint(
            parsing: try String(contentsOfFile: mirrorPath + "/mirror/last.note", encoding: .utf8))
        #expect(note.verify(with: try LedgerPublicKey.load(from: ledger.publicKeyPath)))
        #expect(!FileManager.default.fileExists(atPath: mirrorPath + "/checkpoint.key"))
    }

    @Test(
        "a rewritten history re-signed with the same key: every witness refuses, the mirror stops naming the sequence")
    func rewrittenHistory() throws {
        let dir = TemporaryDirectory("mirror-rewrite")
        let ledger = try CLILedger(in: dir, events: 300)
        let origin = try ledger.origin()
        let fleet = try WitnessFleet(count: 3, logs: ["\(origin)=\(ledger.publicKeyPath)"], in: dir)
        defer { fleet.stop() }
        let mirrorPath = dir.file("mirror")
        let quorum = Self.quorumArguments(fleet, 3)

        let honest = try LedgerServerProcess(ledger: ledger.path, witnesses: fleet.members.map(\.endpoint))
        let synced = try Self.untilSuccess { try honest.mirror(to: mirrorPath, quorum) }
        honest.stop()
        #expect(synced.status == 0, "\(synced.stderr)")

        // The secretariat changes record 120, re-hashes and re-signs everything, and carries on.
        try HistoryForgery.rewrite(ledger: ledger.path, at: 120)
        try ledger.importNext(50)
        _ = try ledger.origin()
        let forged = try LedgerServerProcess(ledger: ledger.path, witnesses: fleet.members.map(\.endpoint))
        defer { forged.stop() }

        let caught = try forged.mirror(to: mirrorPath, quorum)
        #expect(caught.status == 3, "\(caught.stdout)\(caught.stderr)")
        #expect(caught.stderr.contains("rewrittenHistory at sequence 120"), "\(caught.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: mirrorPath + "/evidence")
        #expect(folders.count == 1)
        let logKey = try LedgerPublicKey.load(from: ledger.publicKeyPath)
        if let folder = folders.first.map({ mirrorPath + "/evidence/" + $0 }) {
            let known = try SignedCheckpoint(
                parsing: try String(contentsOfFile: folder + "/known.note", encoding: .utf8))
            let served = try SignedCheckpoint(
                parsing: try String(contentsOfFile: folder + "/served.note", encoding: .utf8))
            #expect(known.verify(with: logKey) && served.verify(with: logKey))
            #expect(known.checkpoint.size == 300 && served.checkpoint.size == 350)
            let proof = try ProofDocument(jsonData: try Data(contentsOf: URL(fileURLWithPath: folder + "/proof.json")))
            #expect(proof.consistency?.verify(oldRoot: known.checkpoint.root, newRoot: served.checkpoint.root) == false)
        }
        // Running it again stops again: the finding does not go away.
        #expect(try forged.mirror(to: mirrorPath, quorum).status == 3)

        // Every witness refused the forged checkpoint the server asked it to cosign, and kept it.
        Self.waitForEvidence(fleet, count: 1)
        for index in fleet.members.indices {
            #expect(fleet.evidence(index).count == 1, "witness \(index)")
            #expect(fleet.evidence(index).first?.hasSuffix("-350-inconsistent") == true, "\(fleet.evidence(index))")
        }
    }

    @Test("a server showing two checkpoints of one size to two clients is caught")
    func splitView() throws {
        let dir = TemporaryDirectory("mirror-split")
        let ledger = try CLILedger(in: dir, events: 200)
        let origin = try ledger.origin()
        let fork = try ledger.copy(named: "fork")
        try HistoryForgery.rewrite(ledger: fork.path, at: 77)
        let fleet = try WitnessFleet(count: 3, logs: ["\(origin)=\(ledger.publicKeyPath)"], in: dir)
        defer { fleet.stop() }
        let quorum = Self.quorumArguments(fleet, 2)

        // Client 1 is served the honest history, cosigned.
        let serverA = try LedgerServerProcess(ledger: ledger.path, witnesses: fleet.members.map(\.endpoint))
        defer { serverA.stop() }
        let first = dir.file("client1")
        #expect(try Self.untilSuccess { try serverA.mirror(to: first, quorum) }.status == 0)

        // Client 2 is served another history of the same size under the same key.
        let serverB = try LedgerServerProcess(ledger: fork.path, witnesses: fleet.members.map(\.endpoint))
        defer { serverB.stop() }
        Self.waitForEvidence(fleet, count: 1)
        for index in fleet.members.indices {
            #expect(fleet.evidence(index).first?.hasSuffix("-200-conflictingRoot") == true, "\(fleet.evidence(index))")
        }
        // So a client demanding the quorum refuses it …
        let second = dir.file("client2")
        let refused = try serverB.mirror(to: second, quorum)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("0 valid witness cosignatures"), "\(refused.stderr)")
        // … and a mirror that saw the other view stops with both notes as evidence.
        let caught = try serverB.mirror(to: first)
        #expect(caught.status == 3)
        #expect(caught.stderr.contains("splitView at sequence 200"), "\(caught.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: first + "/evidence")
        #expect(folders.count == 1 && folders.first?.hasSuffix("splitView-200") == true, "\(folders)")
    }

    @Test("on a terminal the mirror draws a progress bar up to the whole copy and clears it; off one, nothing")
    func progressBarOnlyOnATerminal() throws {
        let dir = TemporaryDirectory("mirror-progress")
        let ledger = try CLILedger(in: dir, events: 3_000, total: 3_000)
        _ = try ledger.origin()
        let server = try LedgerServerProcess(ledger: ledger.path)
        defer { server.stop() }
        // util-linux `script` gives the mirror a pseudo-terminal and copies what it writes.
        let command = [ProcessRunner.product("ledger"), "mirror", "--from", server.url, "--to", dir.file("tty-mirror")]
        let run = try ProcessRunner.run(
            executable: "/usr/bin/script", ["-qec", command.joined(separator: " "), "/dev/null"],
            environment: ["LEDGER_TOKEN": server.token])
        let text = run.stdout
        #expect(run.status == 0, "\(text)")
        #expect(text.contains("mirror ") && text.contains("100% 3000/3000"), "\(text.debugDescription)")
        // The bar is cleared before the round's line, so the line stands alone.
        #expect(text.contains("\u{1B}[2Kmirrored \(server.url) to size 3000"), "\(text.debugDescription)")

        let plain = try server.mirror(to: dir.file("plain-mirror"), ["--batch-size", "500"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stderr.contains("%") && !plain.stderr.contains("\r"), "\(plain.stderr.debugDescription)")
    }

    @Test("a mirror SIGKILLed 10 times mid-sync resumes to an identical copy")
    func killedMirrorResumes() throws {
        let dir = TemporaryDirectory("mirror-kill")
        let total = 20_000
        let ledger = try CLILedger(in: dir, events: total, total: total)
        _ = try ledger.origin()
        let server = try LedgerServerProcess(ledger: ledger.path)
        defer { server.stop() }
        let mirrorPath = dir.file("mirror")
        var midway = 0
        var counts: [UInt64] = []
        // Small batches (one synced commit per 10 records) keep a copy slower than a process start
        // on a fast disk; a kill that found no progress (a slow start on a loaded machine) waits
        // longer next time, so the kills land mid-copy on fast and slow machines alike.
        var delay = 0.15
        for round in 0..<10 {
            let child = try server.startMirror(to: mirrorPath, ["--batch-size", "10"])
            Thread.sleep(forTimeInterval: delay + 0.05 * Double(round % 3))
            child.kill(SIGKILL)
            _ = child.wait(limit: 30)
            let count =
                FileManager.default.fileExists(atPath: mirrorPath) ? try Ledger(path: mirrorPath).eventCount() : 0
            if count == (counts.last ?? 0) { delay *= 1.5 }
            counts.append(count)
            if count > 0 && count < UInt64(total) { midway += 1 }
        }
        #expect(midway >= 3, "events in the mirror after each kill: \(counts)")
        #expect(counts == counts.sorted(), "a resumed mirror never loses records: \(counts)")
        let finished = try server.mirror(to: mirrorPath)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try LedgerComparison.answers(mirrorPath) == LedgerComparison.answers(ledger.path))
        #expect(try ledgerCLI(["audit", "--ledger", mirrorPath]).status == 0)

        // The mirror exports locally, vouched for by the primary's own checkpoint; the events are byte-identical.
        let fromMirror = try ledgerCLI(["export", "--to", dir.file("export-mirror"), "--ledger", mirrorPath])
        #expect(fromMirror.status == 0, "\(fromMirror.stderr)")
        let fromPrimary = try ledgerCLI(["export", "--to", dir.file("export-primary"), "--ledger", ledger.path])
        #expect(fromPrimary.status == 0, "\(fromPrimary.stderr)")
        let mirrored = try Data(contentsOf: URL(fileURLWithPath: dir.file("export-mirror") + "/events.jsonl"))
        #expect(mirrored == (try Data(contentsOf: URL(fileURLWithPath: dir.file("export-primary") + "/events.jsonl"))))
        let shipped = try SignedCheckpoint(
            parsing: try String(contentsOfFile: dir.file("export-mirror") + "/checkpoint.note", encoding: .utf8))
        #expect(shipped.verify(with: try LedgerPublicKey.load(from: ledger.publicKeyPath)))
    }
}
