import Foundation
import LedgerTesting
import Testing

/// Hostile input through the `ledger` binary (see docs/HOSTILE-INPUT.md).
@Suite("Hostile input (CLI)")
struct HostileInputCLITests {
    static let resolutionWithBadByte: [UInt8] =
        Array(
            #"{"id":"bad-1","type":"CouncilResolutionPassed","occurredAt":"2025-01-03","actor":"gov-1","data":{"resolutionId":"R1","title":"A"#
                .utf8)
        + [0xFF] + Array(#"B"}}"#.utf8)

    static let badOffset = resolutionWithBadByte.firstIndex(of: 0xFF) ?? -1

    struct ShellResult: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status): \(stderr)" }
    }

    /// Runs `ledger ARGS…` through /bin/sh so an argument may hold bytes Swift cannot put in a String.
    static func shell(_ script: String, _ arguments: [String]) throws -> ShellResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ShellResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Today's `ledger append` recorded "A\u{FFFD}B"; it is refused, naming the byte offset.
    @Test func appendRefusesInvalidUTF8AsArgumentNamingTheOffset() throws {
        let cli = try CLIFixture().initialised()
        #expect(try cli.ledger(["append", SampleLines.charter]).status == 0)
        // printf turns the octal escape into the raw byte 0xFF inside the argument.
        let json = String(decoding: Self.resolutionWithBadByte, as: UTF8.self).replacingOccurrences(
            of: "\u{FFFD}", with: #"\377"#)
        let result = try Self.shell(
            #""$1" append "$(printf '%b' "$2")" --ledger "$3""#,
            [ProcessRunner.product("ledger"), json, cli.ledgerPath])
        #expect(result.status != 0, "\(result)")
        #expect(
            result.stderr.contains("argument 2 is not valid UTF-8: byte 0xFF at offset \(Self.badOffset)"),
            "\(result.stderr)")
        #expect(try cli.eventCount() == 1)
    }

    @Test func appendRefusesInvalidUTF8OnStandardInputNamingTheOffset() throws {
        let cli = try CLIFixture().initialised()
        #expect(try cli.ledger(["append", SampleLines.charter]).status == 0)
        let single = try ProcessRunner.run(
            "ledger", ["append", "--ledger", cli.ledgerPath], stdin: Data(Self.resolutionWithBadByte))
        #expect(single.status != 0)
        #expect(
            single.stderr.contains("standard input is not valid UTF-8: byte 0xFF at offset \(Self.badOffset)"),
            "\(single.stderr)")
        let lines = Data((SampleLines.admitLead + "\n").utf8) + Data(Self.resolutionWithBadByte)
        let each = try ProcessRunner.run("ledger", ["append", "--lines", "--ledger", cli.ledgerPath], stdin: lines)
        #expect(each.status != 0)
        #expect(
            each.stderr.contains("line 2 of standard input is not valid UTF-8: byte 0xFF at offset \(Self.badOffset)"),
            "\(each.stderr)")
        #expect(try cli.eventCount() == 1, "nothing of the refused input was recorded")
    }

    /// An error message quoting user input shows its escape sequence as text, and a parse error
    /// from ArgumentParser too.
    @Test func errorMessagesEscapeControlCharacters() throws {
        let cli = try CLIFixture().initialised()
        let result = try cli.ledger([
            "append",
            #"{"type":"\u001b[2J\u001b]0;pwned\u0007Evil","occurredAt":"2025-01-02","actor":"gov-1","data":{}}"#,
        ])
        #expect(result.status != 0)
        #expect(
            !result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains(#"\x1B[2J\x1B]0;pwned\x07Evil"#), "\(result.stderr)")
        let parse = try cli.ledger(["query", "council", "--year", "\u{1B}[2J"])
        #expect(parse.status != 0)
        #expect(!parse.stderr.contains("\u{1B}"), "\(parse.stderr.debugDescription)")
        #expect(parse.stderr.contains(#"\x1B[2J"#), "\(parse.stderr)")
    }

    /// A ledger this user may not read is reported as a permission problem, not as missing.
    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root to switch to nobody"))
    func aPermissionErrorIsNamedAsOne() throws {
        let cli = try CLIFixture().initialised()
        chmod(cli.dir.path, 0o755)
        let result = try Self.shell(
            #"exec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "$1" log --ledger "$2""#,
            [ProcessRunner.product("ledger"), cli.ledgerPath])
        #expect(result.status != 0)
        #expect(result.stderr.contains("permission denied"), "\(result.stderr)")
        #expect(!result.stderr.contains("no ledger at"), "\(result.stderr)")
    }
}
