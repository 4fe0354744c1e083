import Foundation
import Logging
import NIOCore
import PostgresNIO

/// One connection to PostgreSQL, with the few operations the sink needs. Every failure comes
/// out as a `SinkError`: `databaseUnavailable` (retry) or `databaseRefused` (stop).
///
/// Every operation — connecting, a statement, a COPY, a commit — has a deadline (`timeout`).
/// A server that stops answering without closing the connection (frozen, its machine gone,
/// the network dropped) would otherwise keep the sink waiting for ever; on expiry the
/// connection is closed and the operation fails as `databaseUnavailable`, so the sink goes
/// back to reconnecting. An open transaction dies with its connection, so nothing of the
/// batch stays and the position is where its last commit left it.
public final class SinkDatabase: Sendable {
    let connection: PostgresConnection
    let url: PostgresURL
    let timeout: Duration
    /// The driver's own logging stays silent: the sink reports failures itself, one line each.
    static let logger = Logger(label: "ledger.sink.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(connection: PostgresConnection, url: PostgresURL, timeout: Duration) {
        self.connection = connection
        self.url = url
        self.timeout = timeout
    }

    /// Connects and sets the session up: UTC, so a bare date in `occurred_at` is midnight UTC
    /// as the ledger means it; and a server-side end for a transaction whose client went
    /// silent, so an abandoned connection's row locks do not outlive it for long.
    public static func connect(_ url: PostgresURL, timeout: Duration = .seconds(30)) async throws -> SinkDatabase {
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try url.configuration()
        } catch {
            throw Self.sinkError(error, url: url, doing: "connecting")
        }
        // A connection that arrives after the deadline is closed at once.
        let late = LateConnection()
        let connection: PostgresConnection
        do {
            connection = try await Deadline.run(
                within: timeout, onExpiry: { late.expire() },
                operation: {
                    let connection = try await PostgresConnection.connect(
                        configuration: configuration, id: 1, logger: logger)
                    late.arrived(connection)
                    return connection
                })
        } catch {
            throw Self.sinkError(error, url: url, doing: "connecting", timeout: timeout)
        }
        let database = SinkDatabase(connection: connection, url: url, timeout: timeout)
        do {
            try await database.execute("SET TIME ZONE 'UTC'")
            let idle = max(1, Int(timeout.components.seconds) * 2)
            try await database.execute("SET idle_in_transaction_session_timeout = '\(idle)s'")
        } catch {
            database.abandon()
            throw error
        }
        return database
    }

    public func close() async {
        let connection = connection
        _ = try? await Deadline.run(
            within: .seconds(5), onExpiry: { connection.closeNow() }, operation: { try await connection.close() })
    }

    /// Closes without waiting: after the connection failed, a close may never be answered.
    public func abandon() {
        connection.closeNow()
    }

    /// Runs `operation` on the connection within the deadline; on expiry the connection is
    /// closed and the error says what did not answer.
    private func bounded<R: Sendable>(
        _ doing: String, _ operation: @escaping @Sendable (PostgresConnection) async throws -> R
    ) async throws -> R {
        let connection = connection
        // A statement written to a connection the server already closed is never answered
        // (the driver drops it without failing it): say so at once instead of at the deadline.
        guard !connection.isClosed else {
            throw SinkError(
                .databaseUnavailable, "PostgreSQL at \(url) is unavailable (the connection closed) while \(doing)")
        }
        do {
            return try await Deadline.run(
                within: timeout, onExpiry: { connection.closeNow() }, operation: { try await operation(connection) })
        } catch {
            throw Self.sinkError(error, url: url, doing: doing, timeout: timeout)
        }
    }

    /// Runs one statement without parameters.
    public func execute(_ sql: String) async throws {
        try await run(PostgresQuery(unsafeSQL: sql), doing: String(sql.prefix(60)))
    }

    /// Runs one statement and collects its rows.
    @discardableResult
    public func rows(_ query: PostgresQuery, doing: String) async throws -> [PostgresRow] {
        try await bounded(doing) { connection in
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
            return rows
        }
    }

    func run(_ query: PostgresQuery, doing: String) async throws {
        try await rows(query, doing: doing)
    }

    /// `COPY table (columns) FROM STDIN` in text format, from encoded rows.
    public func copy(into table: String, columns: [String], text: [UInt8]) async throws {
        try await bounded("COPY into \(table)") { connection in
            try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
                var offset = 0
                // Chunks of 1 MiB: the server parses while the rest is still being sent.
                while offset < text.count {
                    let end = min(offset + 1 << 20, text.count)
                    try await writer.write(ByteBuffer(bytes: text[offset..<end]))
                    offset = end
                }
            }
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
    static func sinkError(_ error: any Error, url: PostgresURL, doing: String, timeout: Duration? = nil) -> SinkError {
        if let error = error as? SinkError { return error }
        if error is Deadline.Expired, let timeout {
            return SinkError(
                .databaseUnavailable,
                "PostgreSQL at \(url) did not answer within \(timeout.formatted) while \(doing); "
                    + "dropped the connection")
        }
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
            let cause = ConnectionCause.of(psql)
            switch psql.code {
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError, .sslUnsupported,
                .tooManyParameters, .invalidCommandTag:
                return SinkError(.databaseRefused, "PostgreSQL at \(url): \(psql.code) (\(cause)) while \(doing)")
            default:
                return SinkError(.databaseUnavailable, "PostgreSQL at \(url) is unavailable (\(cause)) while \(doing)")
            }
        }
        return SinkError(
            .databaseUnavailable, "PostgreSQL at \(url) is unavailable (\(ConnectionCause.of(error))) while \(doing)")
    }
}

/// The connection `connect` is still waiting for when its deadline passes: closed as soon
/// as it arrives, since nobody will use it.
///
/// `@unchecked Sendable`: both fields are read and written under `lock`.
private final class LateConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var expired = false
    private var connection: PostgresConnection?

    func arrived(_ connection: PostgresConnection) {
        lock.lock()
        let close = expired
        if !close { self.connection = connection }
        lock.unlock()
        if close { connection.closeNow() }
    }

    func expire() {
        lock.lock()
        expired = true
        let connection = connection
        lock.unlock()
        connection?.closeNow()
    }
}

extension PostgresConnection {
    /// Closes the channel and does not wait: pending operations fail, nothing is awaited.
    /// The connection stays referenced until the close completes: the driver asserts that a
    /// connection is closed before it is released.
    func closeNow() {
        let closed: EventLoopFuture<Void> = close()
        closed.whenComplete { _ in withExtendedLifetime(self) {} }
    }
}
