/// Why the sink stopped or paused, with what it was doing and what was expected.
///
/// `retryable` errors (the database unreachable, restarted, or the connection lost) make the
/// sink reconnect with backoff and resume from the position stored in PostgreSQL; the others
/// stop it with a non-zero exit.
public struct SinkError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// PostgreSQL could not be reached or dropped the connection.
        case databaseUnavailable
        /// PostgreSQL refused a statement (schema, permissions, constraint).
        case databaseRefused
        /// The upstream history differs from what the sink already wrote: a rewrite.
        case historyRewritten
        /// Another sink moved this ledger's position while this one was writing.
        case concurrentSink
        /// The source could not be read (ledger directory, malformed line).
        case source
        /// The ledger server's feed could not be reached or dropped the connection.
        case sourceUnavailable
        /// A `--url`, option or migration file that cannot be used.
        case invalidSetup
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var retryable: Bool { code == .databaseUnavailable || code == .sourceUnavailable }
    public var description: String { message }
}
