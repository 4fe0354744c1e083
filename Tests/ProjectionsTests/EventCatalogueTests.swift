import Domain
import Projections
import Testing

@Suite("Every event type")
struct EventCatalogueTests {
    static let samples = DomainEvent.samples + DomainEvent.minimalSamples

    static func context(_ sequence: Int) -> EventContext {
        EventContext(sequence: UInt64(sequence), occurredAt: 1_740_000_000_000, actor: "M-GOV")
    }

    /// Applied to an empty read model (references to nothing) and to one that has seen
    /// every other sample first (references resolve).
    @Test(arguments: samples)
    func appliesToEveryProjectorWithoutThrowing(event: DomainEvent) throws {
        var fresh = InMemoryProjectionStore()
        try CouncilProjector().apply(event, envelope: Self.context(1), to: &fresh)
        try CommitteeProjector().apply(event, envelope: Self.context(1), to: &fresh)
        try ProjectProjector().apply(event, envelope: Self.context(1), to: &fresh)

        var primed = try Replayer.replaying(Self.samples.enumerated().map { ($0.element, Self.context($0.offset + 1)) })
        try primed.apply(event, Self.context(Self.samples.count + 1))
        _ = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2025-12-31"), store: primed.council)
        _ = try CommitteeQuery.run(judgedOn: EventScript.day("2025-12-31"), store: primed.committee)
        _ = try ProjectQuery.run(judgedOn: EventScript.day("2025-12-31"), store: primed.project)
    }

    @Test func samplesCoverTheWholeCatalogue() {
        #expect(Set(DomainEvent.samples.map(\.typeName)) == Set(DomainEvent.allTypeNames))
    }
}

extension DomainEvent: CustomTestStringConvertible {
    public var testDescription: String { typeName }
}
