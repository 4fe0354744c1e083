import ArgumentParser
import Foundation
import LedgerClient

/// `--remote URL`: run the command against a ledger service instead of a local directory.
struct RemoteOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Use the ledger service at this URL (e.g. https://ledger.example:8443) instead of a local ledger.",
            discussion: "The token is read from $LEDGER_TOKEN (see `ledger token issue`)."))
    var remote: String?

    /// The service, or `nil` for a local command.
    func ledger() throws -> RemoteLedger? {
        guard let remote else { return nil }
        let token = ProcessInfo.processInfo.environment["LEDGER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try RemoteLedger(url: remote, token: token)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// Runs a remote call, turning the server's refusal into the one-line error the local command prints.
func remoteCall<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    do {
        return try runBlocking(body)
    } catch let error as RemoteError {
        throw CLIError(error.description)
    }
}
