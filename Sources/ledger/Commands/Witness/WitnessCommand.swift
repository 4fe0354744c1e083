import ArgumentParser
import Foundation

struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a C2SP tlog-witness that cosigns a ledger's checkpoints, or gather cosignatures.",
        discussion: """
            A member (finance bureau, education bureau, an enterprise) runs `ledger witness serve` with \
            its own key and the ledgers' checkpoint.pub. The witness cosigns a checkpoint only when a \
            consistency proof shows it extends the last one it cosigned, so a secretariat that rewrites \
            history or shows members different histories cannot get it cosigned. See docs/WITNESSES.md.
            """,
        subcommands: [WitnessKeygenCommand.self, WitnessServeCommand.self, WitnessCosignCommand.self])
}

/// Runs async work to completion from a synchronous command.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CLIError("internal: the task ended without a result") }
    return try result.get()
}

/// Written by the task before it signals, read by the waiter after.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Unbuffered, so a supervisor or a test sees the line at once.
func sayNow(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
