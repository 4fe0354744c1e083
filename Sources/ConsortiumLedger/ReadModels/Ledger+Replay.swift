import Domain
import EventStore
import Projections

extension Ledger {
    /// Visits recorded events, decoded from their binary payloads (never JSON), in sequence
    /// order on the reader's snapshot. `body` returns false to stop.
    func forEachEvent(
        in reader: LogReader, from lower: UInt64 = 1, through upper: UInt64 = .max,
        _ body: (DomainEvent, EventContext) throws -> Bool
    ) throws {
        try reader.scan(from: lower, through: upper) { view in
            let event: DomainEvent
            do {
                event = try view.decodedEvent()
            } catch {
                throw LedgerError(.io, "record \(view.sequence) (\(view.type)) has an unreadable payload: \(error)")
            }
            return try body(event, view.eventContext)
        }
    }

    /// Folds the log from zero into fresh in-memory read models, up to `cutoff`.
    /// `progress` gets the number of events read so far, every 65,536 events.
    public func replay(cutoff: ReplayCutoff? = nil, progress: ((UInt64) -> Void)? = nil) throws -> Replayer {
        try store.read { reader in try replay(in: reader, cutoff: cutoff, progress: progress) }
    }

    /// Reading and decoding stay on this thread; the folds run on two workers (`ReplayPipeline`).
    func replay(in reader: LogReader, cutoff: ReplayCutoff?, progress: ((UInt64) -> Void)?) throws -> Replayer {
        var upper = UInt64.max
        if case .sequenceAtMost(let last) = cutoff { upper = last }
        var pipeline = ReplayPipeline(expectedEvents: min(try reader.count(), Int(clamping: upper)))
        try forEachEvent(in: reader, through: upper) { event, context in
            if context.sequence & 0xFFFF == 0 { progress?(context.sequence) }
            if let cutoff, !cutoff.includes(context) { return true }
            pipeline.append(event, context)
            return true
        }
        return try pipeline.finish()
    }
}
