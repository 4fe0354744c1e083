import ArgumentParser
import ConsortiumLedger
import Foundation

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue, list and revoke the tokens members use to reach `ledger serve --http`.",
        discussion: """
            Only a token's SHA-256 is stored, in the ledger directory's LMDB (never in the event \
            log). Roles: secretariat (write and read all), member (write events whose actor is \
            its own member id, read what is its own), council (read all tiers), auditor (read \
            all, the log and the feed). A withdrawn member's tokens stop working.
            """,
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token; prints it alone on standard output (once), its id and details on standard error."
        )
        @OptionGroup var ledger: LedgerOptions
        @Option(help: "The member id the token acts for.") var member: String
        @Option(help: "secretariat, member, council or auditor.") var role: String
        @Option(help: "Last day the token works (YYYY-MM-DD, UTC).") var expires: String?
        @Option(help: "A note for `token list` (who holds it, which system).") var label: String?

        func run() throws {
            guard let role = TokenRole(rawValue: role) else {
                throw CLIError("--role: expected secretariat, member, council or auditor, got \"\(role)\"")
            }
            let (token, secret) = try Ledger(path: ledger.path).tokenBook().issue(
                member: member, role: role, expires: expires, label: label)
            print(secret)
            Terminal.printError(
                "token \(token.id) for \(token.member) (\(token.role.rawValue))"
                    + (token.expires.map { ", expires \($0)" } ?? "") + (token.label.map { ", label \($0)" } ?? "")
                    + "; shown once, only its SHA-256 is stored")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var ledger: LedgerOptions
        @Option(help: "table or json (default: table on a terminal, JSON otherwise).") var format: OutputFormat?

        func run() throws {
            let tokens = try Ledger(path: ledger.path).tokenBook().list()
            if (format ?? (Terminal.stdoutIsTerminal ? .table : .json)) != .table {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let rows = tokens.map { token -> [String: String] in
                    [
                        "id": token.id, "member": token.member, "role": token.role.rawValue, "label": token.label ?? "",
                        "expires": token.expires ?? "", "lastUsed": token.lastUsed ?? "",
                        "createdAt": token.createdAt, "revoked": token.revoked ? "true" : "false",
                    ]
                }
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
                return
            }
            let rows = tokens.map { t in
                [
                    t.id, t.member, t.role.rawValue, t.label ?? "", t.expires ?? "", t.lastUsed ?? "never",
                    t.revoked ? "revoked" : "active",
                ]
            }
            print(Terminal.table(["id", "member", "role", "label", "expires", "last use", "state"], rows))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id; it stops working at once.")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The token id (from `token issue` or `token list`).") var id: String

        func run() throws {
            guard try Ledger(path: ledger.path).tokenBook().revoke(id: id) else {
                throw CLIError("no token has id \(id) (see `ledger token list`)")
            }
            Terminal.printError("token \(id) revoked")
        }
    }
}
