import Domain
import Projections
import Testing

/// The pipelined replay (folds on two worker threads, in chunks) gives the read models a
/// one-at-a-time fold gives, byte for byte, whatever the number of chunks.
@Suite("Replay pipeline")
struct ReplayPipelineTests {
    /// The city scenario recorded `copies` times over, renumbered: far more events than one
    /// chunk, and projectors accept repeats (they fold what the rules already accepted).
    static func history(copies: Int) -> [(DomainEvent, EventContext)] {
        let once = CityScenario.events
        var events: [(DomainEvent, EventContext)] = []
        for _ in 0..<copies {
            for (event, context) in once {
                let sequence = UInt64(events.count + 1)
                events.append(
                    (
                        event,
                        EventContext(
                            sequence: sequence, occurredAt: context.occurredAt, occurredOn: context.occurredOn,
                            actor: context.actor)
                    ))
            }
        }
        return events
    }

    static func oneAtATime(_ events: [(DomainEvent, EventContext)]) throws -> Replayer {
        var replayer = Replayer()
        for (event, context) in events { try replayer.apply(event, context) }
        try replayer.finish()
        return replayer
    }

    @Test(arguments: [1, 150])
    func pipelinedEqualsOneAtATime(copies: Int) throws {
        let events = Self.history(copies: copies)
        var pipeline = ReplayPipeline(expectedEvents: events.count)
        for (event, context) in events { pipeline.append(event, context) }
        let pipelined = try pipeline.finish()
        let reference = try Self.oneAtATime(events)
        #expect(pipelined.appliedCount == events.count)
        #expect(pipelined.lastSequence == UInt64(events.count))
        #expect(try pipelined.digests() == reference.digests())
        #expect(
            try ProjectionCheckpoint.read(from: pipelined.council)
                == .init(sequence: UInt64(events.count), version: CouncilProjector.version))
        let year = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: pipelined.council)
        #expect(year.apprenticesEnrolled == 4 * Int64(copies))
    }

    @Test func anEmptyPipelineGivesEmptyModels() throws {
        var pipeline = ReplayPipeline()
        let replayer = try pipeline.finish()
        #expect(replayer.appliedCount == 0)
        #expect(try replayer.digests() == Replayer().digests())
    }
}
