import Audit
import Foundation
import LedgerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs the built `ledger` binary.
@discardableResult
func ledgerCLI(_ arguments: [String], stdin: String? = nil) throws -> ProcessResult {
    try ProcessRunner.run("ledger", arguments, stdin: stdin.map { Data($0.utf8) })
}

/// A ledger made through the CLI from one generated history, imported piece by piece.
final class CLILedger: @unchecked Sendable {  // used from one test at a time
    let dir: TemporaryDirectory
    let path: String
    /// The whole generated history; `imported` lines of it are in the ledger.
    let lines: [String]
    private(set) var imported = 0

    init(in dir: TemporaryDirectory, name: String = "consortium.ledger", events: Int, total: Int = 400) throws {
        self.dir = dir
        path = dir.file(name)
        lines = try GeneratedHistory.lines(events: total, seed: 7, in: dir)
        let initialised = try ledgerCLI(["init", "--ledger", path])
        guard initialised.status == 0 else { throw TestFailure("init: \(initialised.stderr)") }
        try importNext(events)
    }

    private init(copying other: CLILedger, to path: String) {
        dir = other.dir
        self.path = path
        lines = other.lines
        imported = other.imported
    }

    /// A copy of the (closed) ledger directory that continues with the same future history.
    func copy(named name: String) throws -> CLILedger {
        let copy = CLILedger(copying: self, to: dir.file(name))
        try LedgerTampering.copy(path, to: copy.path)
        return copy
    }

    /// Imports the next `count` lines of the history.
    func importNext(_ count: Int) throws {
        let next = lines[imported..<min(lines.count, imported + count)]
        let result = try ledgerCLI(["import", "-", "--ledger", path], stdin: next.joined(separator: "\n") + "\n")
        guard result.status == 0 else { throw TestFailure("import: \(result.stderr)") }
        imported += next.count
    }

    var publicKeyPath: String { path + "/checkpoint.pub" }

    /// The origin line of this ledger's checkpoints.
    func origin() throws -> String {
        let note = try ledgerCLI(["checkpoint", "--ledger", path])
        guard note.status == 0, let first = note.stdout.split(separator: "\n").first else {
            throw TestFailure("checkpoint: \(note.stderr)")
        }
        return String(first)
    }
}

/// `ledger witness serve` children on 127.0.0.1, each with its own key and state directory.
final class WitnessFleet: @unchecked Sendable {  // written in init only
    struct Member {
        let name: String
        let keyPath: String
        let publicKeyPath: String
        let stateDirectory: String
        var child: ChildProcess
        var url: String
        /// `--witness` argument for `ledger witness cosign` / `ledger serve`.
        var endpoint: String { "\(name)=\(url),\(publicKeyPath)" }
        var evidenceDirectory: String { stateDirectory + "/evidence" }
    }

    let dir: TemporaryDirectory
    let logs: [String]
    private(set) var members: [Member] = []

    /// `logs`: `ORIGIN=checkpoint.pub` entries every witness trusts.
    init(count: Int, logs: [String], in dir: TemporaryDirectory) throws {
        self.dir = dir
        self.logs = logs
        for index in 1...count {
            let name = "w\(index)"
            let keyPath = dir.file("\(name).key")
            let made = try ledgerCLI([
                "witness", "keygen", "--name", "witness\(index).consortium.example", "--out", keyPath,
            ])
            guard made.status == 0 else { throw TestFailure("keygen: \(made.stderr)") }
            let state = dir.file("\(name).state")
            let (child, url) = try Self.start(keyPath: keyPath, state: state, logs: logs)
            members.append(
                Member(
                    name: name, keyPath: keyPath, publicKeyPath: dir.file("\(name).pub"), stateDirectory: state,
                    child: child, url: url))
        }
    }

    static func start(keyPath: String, state: String, logs: [String]) throws -> (ChildProcess, String) {
        var arguments = [
            "witness", "serve", "--http", "127.0.0.1:0", "--key", keyPath, "--state", state, "--lifetime", "600",
        ]
        for log in logs { arguments += ["--log", log] }
        let child = try ChildProcess(product: "ledger", arguments)
        while let line = child.readLine() {
            if let range = line.range(of: "listening on ") {
                let url = line[range.upperBound...].prefix { $0 != " " }
                return (child, String(url))
            }
        }
        throw TestFailure("witness did not start: \(child.wait(limit: 5))")
    }

    /// SIGKILLs witness `index` and starts it again on its key and state (a crash and restart).
    func restart(_ index: Int) throws {
        members[index].child.kill(SIGKILL)
        _ = members[index].child.wait(limit: 10)
        let (child, url) = try Self.start(
            keyPath: members[index].keyPath, state: members[index].stateDirectory, logs: logs)
        members[index].child = child
        members[index].url = url
    }

    func stop() {
        for member in members {
            member.child.kill(SIGTERM)
            _ = member.child.wait(limit: 10)
        }
    }

    /// The evidence folders a witness has written.
    func evidence(_ index: Int) -> [String] {
        let dir = members[index].evidenceDirectory
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
    }
}
