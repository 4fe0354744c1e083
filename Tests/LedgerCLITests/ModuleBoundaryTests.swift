import Foundation
import Testing

/// The CLI enters only through the facade: it neither imports the log nor LMDB, nor lists them
/// as dependencies (SwiftPM would let a transitive module be imported without complaint).
@Suite("CLI module boundary")
struct ModuleBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func noCLISourceImportsTheStoreOrLMDB() throws {
        let sources = Self.root.appendingPathComponent("Sources/ledger")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                #expect(!["EventStore", "LMDB", "CLMDB"].contains(module), "\(file) imports \(module)")
            }
        }
    }

    @Test func theLedgerTargetDependsOnlyOnTheFacadeAndPureModules() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let start = try #require(manifest.range(of: #"name: "ledger",\s*dependencies:"#, options: .regularExpression))
        let end = try #require(manifest.range(of: "]),", range: start.upperBound..<manifest.endIndex))
        let dependencies = manifest[start.upperBound..<end.lowerBound]
            .split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined()
        #expect(dependencies.contains(#""ConsortiumLedger""#))
        #expect(!dependencies.contains(#""EventStore""#))
        #expect(!dependencies.contains(#""LMDB""#))
    }
}
