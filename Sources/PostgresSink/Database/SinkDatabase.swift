import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One connection to PostgreSQL, with the few operations the sink needs. Every failure comes
/// out as a `SinkError`: `databaseUnavailable` (retry) or `databaseRefused` (stop).
public final class SinkDatabase: Sendable {
    let connection: PostgresConnection
    let url: PostgresURL
    static let logger = Logger(label: "ledger.sink.postgres")

    private init(connection: PostgresConnection, url: PostgresURL) {
        self.connection = connection
        self.url = url
    }

    /// Connects and sets the session up: UTC, so a bare date in `occurred_at` is midnight UTC
    /// as the ledger means it.
    public static func connect(_ url: PostgresURL) async throws -> SinkDatabase {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try url.configuration(), id: 1, logger: logger)
        } catch {
            throw Self.sinkError(error, url: url, doing: "connecting")
        }
        let database = SinkDatabase(connection: connection, url: url)
        try await database.execute("SET TIME ZONE 'UTC'")
        return database
    }

    public func close() async {
        try? await connection.close()
    }

    /// Closes without waiting: after the connection failed, a close may never be answered.
    public func abandon() {
        let connection = connection
        Task { try? await connection.close() }
    }

    /// Runs one statement without parameters.
    public func execute(_ sql: String) async throws {
        try await run(PostgresQuery(unsafeSQL: sql), doing: String(sql.prefix(60)))
    }

    /// Runs one statement and collects its rows.
    @discardableResult
    public func rows(_ query: PostgresQuery, doing: String) async throws -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
            return rows
        } catch {
            throw Self.sinkError(error, url: url, doing: doing)
        }
    }

    func run(_ query: PostgresQuery, doing: String) async throws {
        try await rows(query, doing: doing)
    }

    /// `COPY table (columns) FROM STDIN` in text format, from encoded rows.
    public func copy(into table: String, columns: [String], text: [UInt8]) async throws {
        do {
            try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
                var offset = 0
                // Chunks of 1 MiB: the server parses while the rest is still being sent.
                while offset < text.count {
                    let end = min(offset + 1 << 20, text.count)
                    try await writer.write(ByteBuffer(bytes: text[offset..<end]))
                    offset = end
                }
            }
        } catch {
            throw Self.sinkError(error, url: url, doing: "COPY into \(table)")
        }
    }

    /// BEGIN … COMMIT around `body`; ROLLBACK when it throws (if the connection still stands).
    public func transaction<R>(_ body: () async throws -> R) async throws -> R {
        try await execute("BEGIN")
        do {
            let result = try await body()
            try await execute("COMMIT")
            return result
        } catch let error as SinkError where error.code == .databaseUnavailable {
            throw error  // the connection is gone, and the transaction with it
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    /// Connection-level failures, and the server's "shutting down / cannot connect now /
    /// out of resources / serialization" classes, are worth a retry; the rest are not.
    static func sinkError(_ error: any Error, url: PostgresURL, doing: String) -> SinkError {
        if let error = error as? SinkError { return error }
        if let psql = error as? PSQLError {
            if psql.code == .server {
                let state = psql.serverInfo?[.sqlState] ?? "?"
                let message = psql.serverInfo?[.message] ?? "error"
                let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
                let retry = ["08", "57", "53", "40"].contains(String(state.prefix(2)))
                return SinkError(
                    retry ? .databaseUnavailable : .databaseRefused,
                    "PostgreSQL at \(url) refused \(doing): \(message)\(detail) [SQLSTATE \(state)]")
            }
            let cause = psql.underlying.map { " (\($0))" } ?? ""
            switch psql.code {
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError, .sslUnsupported,
                .tooManyParameters, .invalidCommandTag:
                return SinkError(.databaseRefused, "PostgreSQL at \(url): \(psql.code)\(cause) while \(doing)")
            default:
                return SinkError(
                    .databaseUnavailable, "PostgreSQL at \(url) is unavailable: \(psql.code)\(cause) while \(doing)")
            }
        }
        return SinkError(.databaseUnavailable, "PostgreSQL at \(url) is unavailable: \(error) while \(doing)")
    }
}
