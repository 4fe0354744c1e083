import Domain
import Projections

/// Builds a recorded history by hand: each line is an event, the day it occurred and who
/// submitted it; sequences are numbered in the order written (the order recorded).
struct EventScript {
    private(set) var events: [(DomainEvent, EventContext)] = []

    mutating func add(_ event: DomainEvent, on day: String, by actor: String) {
        let date = Self.day(day)
        let context = EventContext(
            sequence: UInt64(events.count + 1), occurredAt: Int64(date.daysSince1970) * 86_400_000,
            occurredOn: date, actor: actor)
        events.append((event, context))
    }

    /// A `YYYY-MM-DD` literal; a typo in a test is a programmer error.
    static func day(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso: text) else { preconditionFailure("bad date literal \(text)") }
        return date
    }
}

/// The read models after a whole history, ready for queries.
func replayAll(_ events: [(DomainEvent, EventContext)], cutoff: ReplayCutoff? = nil) throws -> Replayer {
    try Replayer.replaying(events, cutoff: cutoff)
}
