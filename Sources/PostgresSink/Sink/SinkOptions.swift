/// How `PostgresSink` runs.
public struct SinkOptions: Sendable {
    public var url: PostgresURL
    /// Keep following new events after catching up (until the process is stopped).
    public var follow = false
    /// Events per PostgreSQL transaction (each moves the position once).
    public var batchSize = 20_000
    /// How long a follower waits before asking the source again when it had nothing new.
    public var pollInterval: Duration = .milliseconds(250)
    /// The longest pause between reconnection attempts (they start at 0.5 s and double).
    public var maxBackoff: Duration = .seconds(30)
    /// How long one database operation (connecting, a statement, a COPY, a commit) may go
    /// unanswered before the sink drops the connection and reconnects.
    public var databaseTimeout: Duration = .seconds(30)
    /// Give up after this many failed attempts in a row (nil: never).
    public var maxAttempts: Int?
    /// Progress and retry messages, one line each.
    public var report: @Sendable (String) -> Void

    public init(url: PostgresURL, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.url = url
        self.report = report
    }
}

/// What a finished (caught-up) sink run did.
public struct SinkSummary: Sendable, Equatable {
    public var ledgerId: String
    /// The ledger's last sequence now in PostgreSQL.
    public var lastSequence: UInt64
    /// Events this run wrote (earlier runs' are not counted).
    public var eventsWritten: UInt64
    public var transactions: Int
    /// Times the sink lost the database (or feed) and reconnected.
    public var reconnects: Int
}
