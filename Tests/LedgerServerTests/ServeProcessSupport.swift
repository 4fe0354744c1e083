import AsyncHTTPClient
import Foundation
import LedgerTesting
import NIOCore
import NIOHTTP1
import Testing

/// A ledger directory and a `ledger serve --http 127.0.0.1:0` child process over it.
final class ServeProcess: @unchecked Sendable {  // set in init, read after
    let dir = TemporaryDirectory("ledger-serve-http")
    var ledgerPath: String { dir.file("consortium.ledger") }
    private(set) var child: ChildProcess?
    private(set) var port = 0
    var base: String { "http://127.0.0.1:\(port)" }

    /// `ledger init` and the seed consortium, through the built binary.
    init() throws {
        try run(["init"])
        try run(["import", "-"], stdin: Seed.consortium.joined(separator: "\n"))
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let result = try ProcessRunner.run(
            "ledger", arguments + ["--ledger", ledgerPath], environment: environment, stdin: stdin.map { Data($0.utf8) }
        )
        return result
    }

    /// `ledger token issue`: the token alone on standard output.
    func token(_ member: String, _ role: String) throws -> String {
        let result = try run(["token", "issue", "--member", member, "--role", role])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts the server and waits for its "listening on" line.
    func start() throws {
        let child = try ChildProcess(product: "ledger", ["serve", "--ledger", ledgerPath, "--http", "127.0.0.1:0"])
        self.child = child
        while let line = child.readLine() {
            if line.hasPrefix("listening on "), let found = line.split(separator: ":").last.flatMap({ Int($0) }) {
                port = found
                return
            }
        }
        throw TestFailure("the server did not start: \(child.wait(limit: 5))")
    }

    func kill(_ signal: Int32) -> ChildResult? {
        guard let child else { return nil }
        child.kill(signal)
        return child.wait(limit: 60)
    }
}
