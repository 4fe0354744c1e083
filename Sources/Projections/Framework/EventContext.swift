import Domain

/// What a projector needs from the recorded envelope besides the payload.
///
/// `occurredOn` is the business date (in the offset the event was written with), which
/// decides the year an event counts in and what `--as-of DATE` includes; `sequence` is
/// what `--as-of SEQ` and checkpoints count.
///
/// Only what projectors read is kept: replay builds one context per event, so every
/// field here is paid for millions of times (the stream, which no projector reads, is not).
public struct EventContext: Sendable, Equatable {
    /// Global sequence number, gapless from 1.
    public let sequence: UInt64
    /// Milliseconds since the Unix epoch (UTC).
    public let occurredAt: Int64
    /// The local calendar date the event occurred on.
    public let occurredOn: LocalDate
    /// The calendar year of `occurredOn`, computed once rather than per projector.
    public let year: Int
    /// The member that submitted the event (the council counts who acted in a year).
    public let actor: String

    /// - Parameter occurredOn: the business date; defaults to the UTC date of `occurredAt`
    ///   for callers that no longer have the original offset.
    public init(sequence: UInt64, occurredAt: Int64, occurredOn: LocalDate? = nil, actor: String) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        let date = occurredOn ?? Timestamp(millisecondsSinceEpoch: occurredAt).utcDate
        self.occurredOn = date
        self.year = date.year
        self.actor = actor
    }

    /// From an import timestamp, keeping its offset for the business date.
    public init(sequence: UInt64, occurredAt: Timestamp, actor: String) {
        self.init(
            sequence: sequence, occurredAt: occurredAt.millisecondsSinceEpoch, occurredOn: occurredAt.localDate,
            actor: actor)
    }
}
