import Audit
import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Three real `ledger witness serve` processes on 127.0.0.1 witnessing a ledger driven by the CLI.
@Suite("Witnesses (processes on loopback)", .serialized)
struct WitnessProcessTests {
    /// `ledger witness cosign` against `members`; returns the process result.
    private static func cosign(_ ledger: CLILedger, _ members: [WitnessFleet.Member], out: String? = nil) throws
        -> ProcessResult
    {
        var arguments = ["witness", "cosign", "--ledger", ledger.path]
        for member in members { arguments += ["--witness", member.endpoint] }
        if let out { arguments += ["--out", out] }
        return try ledgerCLI(arguments)
    }

    private static func verifyProof(
        _ dir: TemporaryDirectory, _ ledger: CLILedger, note: String, keys: [String], quorum: Int?
    ) throws -> ProcessResult {
        let proof = dir.file("proof-\(UUID().uuidString).json")
        let proved = try ledgerCLI(["prove", "inclusion", "3", "--ledger", ledger.path, "--out", proof])
        #expect(proved.status == 0, "\(proved.stderr)")
        var arguments = ["verify-proof", "--proof", proof, "--checkpoint", note, "--public-key", ledger.publicKeyPath]
        for key in keys { arguments += ["--witness-key", key] }
        if let quorum { arguments += ["--quorum", String(quorum)] }
        return try ledgerCLI(arguments)
    }

    @Test("three witnesses cosign; verify-proof demands the quorum; the note stays a plain signed note")
    func cosignAndQuorum() throws {
        let dir = TemporaryDirectory("witness-quorum")
        let ledger = try CLILedger(in: dir, events: 40)
        let fleet = try WitnessFleet(count: 3, logs: ["\(try ledger.origin())=\(ledger.publicKeyPath)"], in: dir)
        defer { fleet.stop() }
        let keys = fleet.members.map(\.publicKeyPath)

        let first = dir.file("first.note")
        let all = try Self.cosign(ledger, fleet.members, out: first)
        #expect(all.status == 0, "\(all.stderr)")
        let note = try SignedCheckpoint(parsing: try String(contentsOfFile: first, encoding: .utf8))
        let witnessKeys = try keys.map { try CosignerPublicKey.load(from: $0) }
        #expect(note.cosigners(among: witnessKeys).count == 3)
        #expect(note.verify(with: try LedgerPublicKey.load(from: ledger.publicKeyPath)))
        // The ledger serves the cosigned note from now on.
        let latest = try ledgerCLI(["checkpoint", "--ledger", ledger.path])
        #expect(latest.status == 0)
        #expect(try Self.verifyProof(dir, ledger, note: first, keys: keys, quorum: 3).status == 0)

        // More history; only two witnesses are asked this time.
        try ledger.importNext(20)
        let second = dir.file("second.note")
        let two = try Self.cosign(ledger, Array(fleet.members.prefix(2)), out: second)
        #expect(two.status == 0, "\(two.stderr)")
        let twice = try Self.verifyProof(dir, ledger, note: second, keys: keys, quorum: 3)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("only 2 of the 3 witnesses"), "\(twice.stderr)")
        #expect(try Self.verifyProof(dir, ledger, note: second, keys: keys, quorum: nil).status == 1)
        #expect(try Self.verifyProof(dir, ledger, note: second, keys: keys, quorum: 2).status == 0)

        // The third witness catches up from its size in one step (409, then a proof from there).
        let third = try Self.cosign(ledger, fleet.members, out: dir.file("third.note"))
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try Self.verifyProof(dir, ledger, note: dir.file("third.note"), keys: keys, quorum: 3).status == 0)

        // A cosignature line moved onto another checkpoint does not count.
        let moved = SignedCheckpoint(
            checkpoint: try SignedCheckpoint(parsing: try String(contentsOfFile: second, encoding: .utf8)).checkpoint,
            signatures: note.signatures.filter { $0.keyName.hasPrefix("witness") })
        #expect(moved.cosigners(among: witnessKeys).isEmpty)
    }

    @Test("a rewritten history, re-signed with the ledger's key, is refused by every witness with evidence")
    func rewrittenHistory() throws {
        let dir = TemporaryDirectory("witness-rewrite")
        let ledger = try CLILedger(in: dir, events: 60)
        let origin = try ledger.origin()
        let fleet = try WitnessFleet(count: 3, logs: ["\(origin)=\(ledger.publicKeyPath)"], in: dir)
        defer { fleet.stop() }
        let honest = try Self.cosign(ledger, fleet.members)
        #expect(honest.status == 0, "\(honest.stderr)")

        // Same size, one record changed and everything after it re-hashed and re-signed.
        let sameSize = try ledger.copy(named: "forged-same-size")
        try HistoryForgery.rewrite(ledger: sameSize.path, at: 17)
        let refusedSame = try Self.cosign(sameSize, fleet.members)
        #expect(refusedSame.status == 1)
        #expect(refusedSame.stderr.components(separatedBy: "split view").count - 1 == 3, "\(refusedSame.stderr)")

        // A witness killed and restarted still remembers what it cosigned.
        try fleet.restart(1)

        // Bigger size: the forged tree plus new events; the proof from the cosigned size fails.
        let bigger = try ledger.copy(named: "forged-bigger")
        try HistoryForgery.rewrite(ledger: bigger.path, at: 5)
        try bigger.importNext(15)
        let refusedBigger = try Self.cosign(bigger, fleet.members)
        #expect(refusedBigger.status == 1)
        #expect(refusedBigger.stderr.components(separatedBy: "422").count - 1 == 3, "\(refusedBigger.stderr)")

        // Each witness kept both log-signed notes and the proof.
        let logKey = try LedgerPublicKey.load(from: ledger.publicKeyPath)
        for index in fleet.members.indices {
            let folders = fleet.evidence(index)
            #expect(folders.count == 2, "witness \(index): \(folders)")
            for folder in folders {
                let cosigned = try SignedCheckpoint(
                    parsing: try String(contentsOfFile: folder + "/cosigned.note", encoding: .utf8))
                let submitted = try SignedCheckpoint(
                    parsing: try String(contentsOfFile: folder + "/submitted.note", encoding: .utf8))
                #expect(cosigned.verify(with: logKey) && submitted.verify(with: logKey))
                #expect(cosigned.checkpoint.root != submitted.checkpoint.root)
                #expect(FileManager.default.fileExists(atPath: folder + "/request.txt"))
            }
        }

        // The honest ledger, grown, is still cosigned by all three.
        try ledger.importNext(10)
        let onward = try Self.cosign(ledger, fleet.members)
        #expect(onward.status == 0, "\(onward.stderr)")
    }
}
