import Domain
import Projections
import Testing

/// A KPI target set for one member is compared with that member's own figure (docs/DOMAIN.md,
/// Query names), here every metric for a school, two enterprises and others, worked by hand
/// from `CityScenario` for 2025 (judged 2026-02-01, so the cut day is 2025-12-31).
@Suite struct MemberKPITests {
    /// (metric, member, figure) — the reasoning per figure is in the comment beside it.
    static let expected: [(KPIMetric, String, Int64)] = [
        (.apprenticesEnrolled, "S1", 4),  // p1, p2 in C1 (AG1), p3, p4 in C2 (AG2); p5 enrols in 2026
        (.apprenticesEnrolled, "E1", 2),  // p1, p2
        (.apprenticesEnrolled, "E2", 2),  // p3, p4
        (.apprenticesEnrolled, "S2", 0),  // no classes
        (.apprenticesGraduated, "S1", 3),  // p1, p2, p4
        (.apprenticesGraduated, "E1", 2),  // p1, p2
        (.apprenticesGraduated, "E2", 1),  // p4
        (.graduatesHired, "S1", 3),  // p1 (by E1), p2 (by E2), p4 (by E2 first)
        (.graduatesHired, "E1", 2),  // its apprentices p1, p2; p4's second hire by E1 is not a first hire
        (.graduatesHired, "E2", 2),  // p2 (it hired), p4 (its apprentice, it hired)
        (.graduatesRetainedLocally, "S1", 2),  // p1, p4; p2 left the city
        (.graduatesRetainedLocally, "E1", 1),  // p1
        (.graduatesRetainedLocally, "E2", 1),  // p4
        (.trainingPersonTimes, "S1", 120),  // 120 in April; the 50 of 2026-01-20 is next year
        (.trainingPersonTimes, "S2", 80),
        (.trainingPersonTimes, "E1", 0),  // a recipient, not a provider
        (.techServices, "S1", 1),
        (.techServices, "E1", 0),  // a client, not a provider
        (.techServiceValueFen, "S1", 1_500_000),
        (.techServiceValueFen, "S2", 800_000),
        (.orderClassPlaces, "S1", 50),  // C1 30 + C2 20
        (.orderClassPlaces, "E1", 30),
        (.orderClassPlaces, "E2", 20),
        (.orderClassFilled, "S1", 5),  // C1: p1, p2, p5 (enrolled 2026 into a 2025 class); C2: p3, p4
        (.orderClassFilled, "E1", 3),
        (.orderClassFilled, "E2", 2),
        (.enterprisesParticipating, "S1", 2),  // E1 (AG1), E2 (AG2)
        (.enterprisesParticipating, "S2", 2),  // E1 (AG3, to September), E2 (AG4, terminated in October)
        (.enterprisesParticipating, "E1", 1),
        (.enterprisesParticipating, "E3", 0),  // no agreement
        (.enterprisesParticipating, "GOV", 0),
        (.platforms, "S1", 1),  // X1
        (.platforms, "E2", 1),  // X2
        (.platforms, "GOV", 0),
        (.members, "S1", 1),
        (.members, "R1", 0),  // withdrew on 2025-06-01
        (.certifiedEnterprises, "E1", 1),
        (.certifiedEnterprises, "E2", 0),
        (.inactiveMembers, "E3", 1),  // admitted, never acted
        (.inactiveMembers, "E1", 0),
        (.inactiveMembers, "R1", 0),  // not on the roll any more
    ]

    @Test func everyMetricIsTheMembersOwnFigure() throws {
        var s = EventScript()
        for (metric, member, _) in Self.expected {
            s.add(
                .kpiTargetSet(.init(year: 2025, metric: metric, target: 1, memberId: member)), on: "2025-03-02",
                by: "GOV")
        }
        let events =
            CityScenario.events
            + s.events.map { event, context in
                (
                    event,
                    EventContext(
                        sequence: context.sequence + 10_000, occurredAt: context.occurredAt,
                        occurredOn: context.occurredOn, actor: context.actor)
                )
            }
        let replayer = try replayAll(events)
        let report = try CouncilQuery.run(year: 2025, judgedOn: EventScript.day("2026-02-01"), store: replayer.council)
        for (metric, member, figure) in Self.expected {
            let kpi = report.kpis.first { $0.metric == metric && $0.memberId == member }
            #expect(kpi?.actual == figure, "\(metric.rawValue) for \(member)")
        }
        // The consortium-wide figures are unchanged by member-scoped targets.
        #expect(report.apprenticesEnrolled == 4 && report.techServiceValueFen == 2_300_000)
    }

    @Test func aLaterTargetForTheSameYearMetricAndMemberReplacesTheEarlier() throws {
        var s = EventScript()
        s.add(
            .kpiTargetSet(.init(year: 2025, metric: .apprenticesEnrolled, target: 610, memberId: "S1")),
            on: "2025-03-02", by: "GOV")
        s.add(
            .kpiTargetSet(.init(year: 2025, metric: .apprenticesEnrolled, target: 10, memberId: "E1")),
            on: "2025-03-02", by: "GOV")
        s.add(
            .kpiTargetSet(.init(year: 2025, metric: .apprenticesEnrolled, target: 8, memberId: "S1")), on: "2025-04-02",
            by: "GOV")
        let events =
            CityScenario.events
            + s.events.map { event, context in
                (
                    event,
                    EventContext(
                        sequence: context.sequence + 10_000, occurredAt: context.occurredAt,
                        occurredOn: context.occurredOn, actor: context.actor)
                )
            }
        let report = try CouncilQuery.run(
            year: 2025, judgedOn: EventScript.day("2026-02-01"), store: try replayAll(events).council)
        let enrolled = report.kpis.filter { $0.metric == .apprenticesEnrolled }
        #expect(
            enrolled == [
                .init(metric: .apprenticesEnrolled, memberId: nil, target: 5, actual: 4),
                .init(metric: .apprenticesEnrolled, memberId: "E1", target: 10, actual: 2),
                .init(metric: .apprenticesEnrolled, memberId: "S1", target: 8, actual: 4),
            ])
    }
}
