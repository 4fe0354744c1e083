import Domain
import EventStore
import Projections

extension Ledger {
    /// Visits recorded events, decoded from their binary payloads (never JSON), in sequence
    /// order on the reader's snapshot. `body` returns false to stop.
    func forEachEvent(
        in reader: LedgerReader, from lower: UInt64 = 1, through upper: UInt64 = .max,
        _ body: (DomainEvent, EventContext) throws -> Bool
    ) throws {
        try reader.scan(from: lower, through: upper) { view in
            let event: DomainEvent
            do {
                event = try DomainEvent.decode(typeName: view.type, schemaVersion: view.schemaVersion, payload: view.payload)
            } catch {
                throw LedgerError(.io, "record \(view.sequence) (\(view.type)) has an unreadable payload: \(error)")
            }
            let context = EventContext(
                sequence: view.sequence,
                occurredAt: Timestamp(millisecondsSinceEpoch: view.occurredAt, utcOffsetMinutes: view.occurredOffsetMinutes),
                actor: view.actor, stream: view.stream)
            return try body(event, context)
        }
    }

    /// Folds the log from zero into fresh in-memory read models, up to `cutoff`.
    /// `progress` gets the number of events folded so far, every 65,536 events.
    public func replay(cutoff: ReplayCutoff? = nil, progress: ((UInt64) -> Void)? = nil) throws -> Replayer {
        try store.read { reader in try replay(in: reader, cutoff: cutoff, progress: progress) }
    }

    func replay(in reader: LedgerReader, cutoff: ReplayCutoff?, progress: ((UInt64) -> Void)?) throws -> Replayer {
        var replayer = Replayer()
        var upper = UInt64.max
        if case .sequenceAtMost(let last) = cutoff { upper = last }
        try forEachEvent(in: reader, through: upper) { event, context in
            if let cutoff, !cutoff.includes(context) { return true }
            try replayer.apply(event, context)
            if context.sequence & 0xFFFF == 0 { progress?(context.sequence) }
            return true
        }
        try replayer.finish()
        return replayer
    }
}
