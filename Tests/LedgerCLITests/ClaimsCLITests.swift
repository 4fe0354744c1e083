import Foundation
import LedgerTesting
import Testing

/// `ledger query claims` on a generated history: the generator plants a known set of suspicious
/// claims of every kind; the auditors' query must flag exactly those, each with its own flag.
@Suite("ledger query claims")
struct ClaimsCLITests {
    @Test func flagsEveryPlantedClaimAndNoCleanOne() throws {
        let cli = try CLIFixture().initialised()
        let generated = try GeneratedHistory.writeWithPlantedClaims(events: 30_000, seed: 16, in: cli.dir)
        let imported = try cli.ledger(["import", generated.history])
        #expect(imported.status == 0, "\(imported.stderr)")

        let all = try claims(cli, ["--format", "json"])
        let flagged = try claims(cli, ["--flagged", "--format", "json"])
        let flags = Dictionary(
            uniqueKeysWithValues: flagged.map { claim in
                (
                    claim["claimId"] as? String ?? "",
                    (claim["flags"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                )
            })
        let planted = Dictionary(uniqueKeysWithValues: generated.planted.map { ($0.claimId, $0.flag) })
        // Every kind is planted at least once at this size, and the generator says how many.
        #expect(Set(planted.values).count == 6, "\(generated.summary)")
        #expect(generated.summary.contains("planted \(planted.count) suspicious claims"))
        for (claimId, flag) in planted {
            #expect(flags[claimId] == [flag], "planted \(claimId) (\(flag)) got \(flags[claimId] ?? [])")
        }
        let cleanFlagged = flags.keys.filter { planted[$0] == nil }.sorted()
        #expect(
            cleanFlagged.isEmpty,
            "clean claims flagged: \(cleanFlagged.prefix(5)) \(cleanFlagged.prefix(5).map { flags[$0] ?? [] })")
        #expect(all.count > 10 * planted.count)
        print(
            "claims: \(all.count) in all, \(planted.count) planted and \(flagged.count) flagged; clean claims flagged: \(cleanFlagged.count)"
        )

        // The same answer as CSV and as a table; filters narrow it.
        let csv = try cli.ledger(["query", "claims", "--flagged", "--format", "csv"])
        #expect(csv.status == 0)
        let csvLines = csv.stdout.split(whereSeparator: \.isNewline)
        #expect(csvLines.first?.hasPrefix("claimId,programme,applicantId,personId,period,appliedFen") == true)
        #expect(csvLines.count == flagged.count + 1)
        let table = try cli.ledger(["query", "claims", "--flagged", "--format", "table"])
        #expect(table.status == 0 && table.stdout.contains("applied (¥)"))
        let internships = try claims(cli, ["--programme", "internship", "--format", "json"])
        #expect(!internships.isEmpty && internships.allSatisfy { $0["programme"] as? String == "internship" })
        let bad = try cli.ledger(["query", "claims", "--programme", "lottery"])
        #expect(bad.status != 0 && bad.stderr.contains("--programme"))
    }

    @Test func keygenNamesTheLedgersSecretariatAsActor() throws {
        let cli = try CLIFixture().initialised()
        try cli.ledger(["append", SampleLines.charter])
        try cli.ledger(["append", SampleLines.admitLead])
        let keygen = try cli.ledger(["keygen", "--member", "gov-1", "--out", cli.dir.file("gov.key")])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let line = try #require(keygen.stdout.split(separator: "\n").last.map(String.init))
        #expect(line.contains(#""actor":"gov-1""#))
        // The printed event is accepted as it is: no placeholder to edit.
        let appended = try cli.ledger(["append", line])
        #expect(appended.status == 0, "\(appended.stderr)")

        // Without a ledger at hand the placeholder stays, and the user is told.
        let elsewhere = try ProcessRunner.run(
            "ledger", ["keygen", "--member", "m", "--out", cli.dir.file("m.key"), "--ledger", cli.dir.file("none")])
        #expect(elsewhere.stdout.contains(#""actor":"SECRETARIAT""#) && elsewhere.stderr.contains("no ledger"))
    }

    private func claims(_ cli: CLIFixture, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try cli.ledger(["query", "claims"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }
}
