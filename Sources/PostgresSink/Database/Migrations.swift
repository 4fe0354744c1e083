import Foundation
import PostgresNIO

/// The schema as versioned SQL files (`Migrations/NNN_name.sql`, shipped as the module's
/// resources), applied in order, each once, each in its own transaction, and recorded in
/// `schema_migrations`. A file is never edited once released; a change is a new file.
///
/// Statements in a file end with `;` at the end of a line (the extended query protocol runs
/// one statement at a time).
public struct Migrations: Sendable {
    public struct File: Sendable {
        public var version: Int
        public var name: String
        public var statements: [String]
    }

    public let files: [File]

    /// The files shipped beside the executable (SwiftPM's resource bundle), or in the source
    /// tree when run from it.
    public static func bundled() throws -> Migrations {
        let bundleName = "ConsortiumLedger_PostgresSink.resources"
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["LEDGER_SINK_MIGRATIONS"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName + "/Migrations"))
        }
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Migrations"))
        for directory in candidates where FileManager.default.fileExists(atPath: directory.path) {
            return try Migrations(directory: directory)
        }
        throw SinkError(
            .invalidSetup,
            "the sink's migration files were not found (looked in \(candidates.map(\.path).joined(separator: ", "))); "
                + "install \(bundleName) beside the ledger binary or set LEDGER_SINK_MIGRATIONS")
    }

    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var files: [File] = []
        for name in names {
            guard let version = Int(name.prefix(while: \.isNumber)), version > 0 else {
                throw SinkError(.invalidSetup, "\(directory.path)/\(name): expected NNN_name.sql with a version number")
            }
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            files.append(File(version: version, name: String(name.dropLast(4)), statements: Self.statements(in: text)))
        }
        files.sort { $0.version < $1.version }
        for (index, file) in files.enumerated() where file.version != index + 1 {
            throw SinkError(.invalidSetup, "\(directory.path): migration \(file.name): expected version \(index + 1)")
        }
        self.files = files
    }

    /// Splits a file into statements: comment lines dropped, a `;` at a line's end closes one.
    static func statements(in text: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("--") || trimmed.isEmpty { continue }
            current.append(line)
            if trimmed.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
        if !current.isEmpty { statements.append(current.joined(separator: "\n")) }
        return statements
    }

    /// Applies the files the database has not recorded yet; returns their versions. Two
    /// sinks starting at once serialise on an advisory lock, so each file runs once.
    @discardableResult
    public func apply(to database: SinkDatabase) async throws -> [Int] {
        var applied: [Int] = []
        try await database.transaction {
            // Held to the end of this transaction: a second sink waits, then sees the versions.
            try await database.execute("SELECT pg_advisory_xact_lock(7305202617)")
            try await database.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            var recorded = Set<Int>()
            for row in try await database.rows(
                "SELECT version FROM schema_migrations", doing: "reading schema_migrations")
            {
                recorded.insert(try row.decode(Int.self))
            }
            if let newest = recorded.max(), newest > files.count {
                throw SinkError(
                    .invalidSetup,
                    "the database's schema is at version \(newest) but this ledger knows only \(files.count); use a newer ledger"
                )
            }
            for file in files where !recorded.contains(file.version) {
                for statement in file.statements {
                    try await database.run(PostgresQuery(unsafeSQL: statement), doing: "migration \(file.name)")
                }
                try await database.rows(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(file.version), \(file.name))",
                    doing: "recording migration \(file.name)")
                applied.append(file.version)
            }
        }
        return applied
    }
}
