import Audit
import Foundation
import LedgerTesting
import Testing

/// An independent implementation of C2SP signed-note and tlog-cosignature/v1 verification in
/// Python (package `cryptography`), checking notes our code produced. Nothing is shared with
/// the Swift code but the specs.
@Suite("C2SP interop with an independent Python verifier", .serialized)
struct PythonInteropTests {
    static let verifier = #"""
        import base64, hashlib, struct, sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        from cryptography.exceptions import InvalidSignature

        def vkey(text):
            name, key_id, blob = text.strip().split("+", 2)
            blob = base64.b64decode(blob, validate=True)
            alg, pub = blob[0], blob[1:]
            computed = hashlib.sha256(name.encode() + b"\n" + bytes([alg]) + pub).digest()[:4]
            assert computed.hex() == key_id, "key id mismatch in " + name
            return name, alg, computed, Ed25519PublicKey.from_public_bytes(pub)

        def valid(key, signature, message):
            try:
                key.verify(signature, message)
                return True
            except InvalidSignature:
                return False

        note = open(sys.argv[1], "rb").read().decode("utf-8")
        body, block = note.rsplit("\n\n", 1)
        body = (body + "\n").encode()
        lines = []
        for line in block.rstrip("\n").split("\n"):
            assert line.startswith("\u2014 "), line
            name, blob = line[2:].split(" ")
            blob = base64.b64decode(blob, validate=True)
            lines.append((name, blob[:4], blob[4:]))

        name, alg, key_id, key = vkey(sys.argv[2])
        assert alg == 0x01
        log_ok = any(n == name and k == key_id and valid(key, s, body) for n, k, s in lines)
        print("log", "ok" if log_ok else "BAD")
        all_ok = log_ok
        for text in sys.argv[3:]:
            name, alg, key_id, key = vkey(text)
            assert alg == 0x04
            found = None
            for n, k, s in lines:
                if n != name or k != key_id or len(s) != 72:
                    continue
                (timestamp,) = struct.unpack(">Q", s[:8])
                message = b"cosignature/v1\ntime %d\n" % timestamp + body
                if valid(key, s[8:], message):
                    found = timestamp
            print(name, "cosigned at %d" % found if found is not None else "BAD")
            all_ok = all_ok and found is not None
        sys.exit(0 if all_ok else 1)
        """#

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    private static func python(_ dir: TemporaryDirectory, _ arguments: [String]) throws -> Output {
        let script = dir.file("verify_note.py")
        try Data(verifier.utf8).write(to: URL(fileURLWithPath: script))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("Python verifies the ledger's signature and three witnesses' cosignatures; a changed note fails")
    func pythonVerifies() throws {
        let dir = TemporaryDirectory("witness-python")
        let ledger = try CLILedger(in: dir, events: 30)
        let fleet = try WitnessFleet(count: 3, logs: ["\(try ledger.origin())=\(ledger.publicKeyPath)"], in: dir)
        defer { fleet.stop() }
        let notePath = dir.file("cosigned.note")
        var arguments = ["witness", "cosign", "--ledger", ledger.path, "--out", notePath]
        for member in fleet.members { arguments += ["--witness", member.endpoint] }
        let cosigned = try ledgerCLI(arguments)
        #expect(cosigned.status == 0, "\(cosigned.stderr)")

        let logKey = try LedgerPublicKey.load(from: ledger.publicKeyPath).verifierKey
        let witnessKeys = try fleet.members.map {
            try String(contentsOfFile: $0.publicKeyPath, encoding: .utf8).trimmingCharacters(in: .newlines)
        }
        let checked = try Self.python(dir, [notePath, logKey] + witnessKeys)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.components(separatedBy: "cosigned at").count - 1 == 3, "\(checked.stdout)")
        #expect(checked.stdout.hasPrefix("log ok"))

        // Same signature lines on a note with another size: every signature must fail.
        let note = try String(contentsOfFile: notePath, encoding: .utf8)
        var lines = note.components(separatedBy: "\n")
        lines[1] = String((UInt64(lines[1]) ?? 0) + 1)
        let altered = dir.file("altered.note")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: altered))
        let refused = try Self.python(dir, [altered, logKey] + witnessKeys)
        #expect(refused.status == 1)
        #expect(refused.stdout.components(separatedBy: "BAD").count - 1 == 4, "\(refused.stdout)")
    }
}
