import Domain
import Projections

/// A small city, written out by hand so every figure in the tier tests can be checked by
/// counting on paper: two schools, three enterprises, five apprentices through every
/// stage, two platforms, two projects (one with an overdue milestone) and five subsidy
/// claims applied, approved, paid and clawed back. Mostly 2025, with a few 2024 and 2026
/// events to prove year boundaries, and one back-dated event recorded last.
enum CityScenario {
    static var events: [(DomainEvent, EventContext)] {
        var s = EventScript()
        governance(&s)
        agreements(&s)
        apprentices(&s)
        money(&s)
        platforms(&s)
        // Recorded last, occurred in spring: --as-of DATE and --as-of SEQ disagree on it.
        s.add(.trainingDelivered(.init(providerId: "S2", personTimes: 80, topic: "PLC")), on: "2025-05-10", by: "S2")
        return s.events
    }

    static func governance(_ s: inout EventScript) {
        s.add(
            .consortiumChartered(.init(consortiumId: "CITY", name: "市域产教联合体", region: "某市", leadMemberId: "GOV")),
            on: "2024-12-01", by: "GOV")
        s.add(.memberAdmitted(.init(memberId: "GOV", name: "市教育局", kind: .government)), on: "2024-12-01", by: "GOV")
        for (id, kind) in [
            ("S1", MemberKind.school), ("S2", .school), ("E1", .enterprise), ("E2", .enterprise),
            ("E3", .enterprise), ("R1", .research), ("ASSOC", .association),
        ] {
            s.add(.memberAdmitted(.init(memberId: id, name: id, kind: kind)), on: "2025-01-05", by: "GOV")
        }
        s.add(.enterpriseCertified(.init(memberId: "E1", level: .city)), on: "2025-02-01", by: "GOV")
        s.add(.kpiTargetSet(.init(year: 2025, metric: .apprenticesEnrolled, target: 5)), on: "2025-03-01", by: "GOV")
        s.add(.kpiTargetSet(.init(year: 2025, metric: .graduatesHired, target: 3)), on: "2025-03-01", by: "GOV")
        s.add(
            .kpiTargetSet(.init(year: 2025, metric: .techServiceValueFen, target: 1_000_000, memberId: "S1")),
            on: "2025-03-01", by: "GOV")
        s.add(.memberWithdrawn(.init(memberId: "R1", reason: "merged")), on: "2025-06-01", by: "GOV")
    }

    static func agreements(_ s: inout EventScript) {
        let d = EventScript.day
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "AG1", schoolId: "S1", enterpriseId: "E1", kind: .orderClass,
                    startsOn: d("2025-02-01"), endsOn: d("2026-01-31"))), on: "2025-01-20", by: "S1")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "AG3", schoolId: "S2", enterpriseId: "E1", kind: .internship,
                    startsOn: d("2025-01-15"), endsOn: d("2025-06-30"))), on: "2025-01-25", by: "S2")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "AG2", schoolId: "S1", enterpriseId: "E2", kind: .apprenticeship,
                    startsOn: d("2025-03-01"), endsOn: d("2027-06-30"), places: 20)), on: "2025-02-20", by: "E2")
        s.add(
            .orderClassOpened(.init(classId: "C1", agreementId: "AG1", major: "数控技术", capacity: 30, intakeYear: 2025)),
            on: "2025-02-10", by: "S1")
        s.add(
            .orderClassOpened(.init(classId: "C2", agreementId: "AG2", major: "机电一体化", capacity: 20, intakeYear: 2025)),
            on: "2025-03-05", by: "E2")
        s.add(
            .agreementSigned(
                .init(
                    agreementId: "AG4", schoolId: "S2", enterpriseId: "E2", kind: .techService,
                    startsOn: d("2025-04-01"), endsOn: d("2026-03-31"))), on: "2025-03-20", by: "S2")
        s.add(.agreementAmended(.init(agreementId: "AG3", endsOn: d("2025-09-30"))), on: "2025-06-01", by: "S2")
        s.add(.agreementTerminated(.init(agreementId: "AG4", reason: "企业转产")), on: "2025-10-01", by: "GOV")
    }

    static func apprentices(_ s: inout EventScript) {
        let d = EventScript.day
        // p1: S1–E1, both mentors, every stage, hired locally.
        s.add(
            .apprenticeEnrolled(.init(personId: "p1", classId: "C1", enrolledOn: d("2025-03-01"))), on: "2025-03-01",
            by: "S1")
        s.add(.mentorAssigned(.init(personId: "p1", mentorId: "ms1", side: .school)), on: "2025-03-02", by: "S1")
        s.add(.mentorAssigned(.init(personId: "p1", mentorId: "me1", side: .enterprise)), on: "2025-03-02", by: "E1")
        s.add(
            .internshipPlaced(
                .init(personId: "p1", enterpriseId: "E1", startsOn: d("2025-04-01"), endsOn: d("2025-06-30"))),
            on: "2025-04-01", by: "E1")
        s.add(.apprenticeAssessed(.init(personId: "p1", assessment: "中级工", passed: true)), on: "2025-06-01", by: "S1")
        s.add(.certificateAwarded(.init(personId: "p1", certificate: "数控车工四级")), on: "2025-06-15", by: "S1")
        s.add(.apprenticeGraduated(.init(personId: "p1")), on: "2025-07-01", by: "S1")
        s.add(.graduateHired(.init(personId: "p1", enterpriseId: "E1", local: true)), on: "2025-07-15", by: "E1")
        s.add(
            .employmentVerified(.init(personId: "p1", enterpriseId: "E1", monthsEmployed: 4)), on: "2025-12-01",
            by: "E1")
        // p2: S1–E1, school mentor only, fails then passes, hired elsewhere, not locally.
        s.add(
            .apprenticeEnrolled(.init(personId: "p2", classId: "C1", enrolledOn: d("2025-03-01"))), on: "2025-03-01",
            by: "S1")
        s.add(.mentorAssigned(.init(personId: "p2", mentorId: "ms1", side: .school)), on: "2025-03-02", by: "S1")
        s.add(
            .internshipPlaced(
                .init(personId: "p2", enterpriseId: "E1", startsOn: d("2025-04-01"), endsOn: d("2025-06-30"))),
            on: "2025-04-01", by: "E1")
        s.add(.apprenticeAssessed(.init(personId: "p2", assessment: "中级工", passed: false)), on: "2025-06-01", by: "S1")
        s.add(.apprenticeAssessed(.init(personId: "p2", assessment: "中级工补考", passed: true)), on: "2025-06-20", by: "S1")
        s.add(.apprenticeGraduated(.init(personId: "p2")), on: "2025-07-01", by: "S1")
        s.add(.graduateHired(.init(personId: "p2", enterpriseId: "E2", local: false)), on: "2025-08-01", by: "E2")
        // p3: S1–E2, both mentors, fails, withdraws.
        s.add(
            .apprenticeEnrolled(.init(personId: "p3", classId: "C2", enrolledOn: d("2025-04-01"))), on: "2025-04-01",
            by: "E2")
        s.add(.mentorAssigned(.init(personId: "p3", mentorId: "ms2", side: .school)), on: "2025-04-02", by: "S1")
        s.add(.mentorAssigned(.init(personId: "p3", mentorId: "me2", side: .enterprise)), on: "2025-04-02", by: "E2")
        s.add(.apprenticeAssessed(.init(personId: "p3", assessment: "初级工", passed: false)), on: "2025-07-01", by: "S1")
        s.add(.apprenticeWithdrawn(.init(personId: "p3", reason: "转学")), on: "2025-08-01", by: "S1")
        // p4: S1–E2, both mentors, every stage, hired twice (counted once).
        s.add(
            .apprenticeEnrolled(.init(personId: "p4", classId: "C2", enrolledOn: d("2025-04-01"))), on: "2025-04-01",
            by: "E2")
        s.add(.mentorAssigned(.init(personId: "p4", mentorId: "me2", side: .enterprise)), on: "2025-04-02", by: "E2")
        s.add(.mentorAssigned(.init(personId: "p4", mentorId: "ms2", side: .school)), on: "2025-04-03", by: "S1")
        s.add(
            .internshipPlaced(
                .init(personId: "p4", enterpriseId: "E2", startsOn: d("2025-05-01"), endsOn: d("2025-08-31"))),
            on: "2025-05-01", by: "E2")
        s.add(.apprenticeAssessed(.init(personId: "p4", assessment: "初级工", passed: true)), on: "2025-07-01", by: "S1")
        s.add(.certificateAwarded(.init(personId: "p4", certificate: "电工四级", level: "四级")), on: "2025-07-10", by: "S1")
        s.add(.apprenticeGraduated(.init(personId: "p4")), on: "2025-09-01", by: "S1")
        s.add(.graduateHired(.init(personId: "p4", enterpriseId: "E2", local: true)), on: "2025-09-15", by: "E2")
        s.add(.graduateHired(.init(personId: "p4", enterpriseId: "E1", local: true)), on: "2025-11-01", by: "E1")
        // p5: enrols into a 2025 class in 2026.
        s.add(
            .apprenticeEnrolled(.init(personId: "p5", classId: "C1", enrolledOn: d("2026-01-10"))), on: "2026-01-10",
            by: "S1")
    }

    static func money(_ s: inout EventScript) {
        s.add(
            .budgetAllocated(
                .init(budgetId: "B25", programme: .apprenticeship, year: 2025, amountFen: 10_000_000, source: "市财政")),
            on: "2025-01-02", by: "GOV")
        s.add(
            .budgetAllocated(
                .init(budgetId: "B25E", programme: .employment, year: 2025, amountFen: 5_000_000, source: "市财政")),
            on: "2025-01-02", by: "GOV")
        s.add(
            .budgetAllocated(
                .init(budgetId: "B26", programme: .apprenticeship, year: 2026, amountFen: 12_000_000, source: "市财政")),
            on: "2025-12-15", by: "GOV")
        s.add(
            .subsidyApplied(
                .init(
                    claimId: "K1", budgetId: "B25", programme: .apprenticeship, applicantId: "E1", personId: "p1",
                    period: "2025", amountFen: 600_000)), on: "2025-05-01", by: "E1")
        s.add(
            .subsidyApproved(.init(claimId: "K1", approverId: "GOV", amountFen: 600_000)), on: "2025-05-10", by: "GOV")
        s.add(.subsidyPaid(.init(claimId: "K1", amountFen: 300_000, advance: true)), on: "2025-05-20", by: "GOV")
        s.add(.subsidyPaid(.init(claimId: "K1", amountFen: 300_000)), on: "2025-07-01", by: "GOV")
        s.add(
            .subsidyApplied(
                .init(
                    claimId: "K2", budgetId: "B25", programme: .apprenticeship, applicantId: "E2", personId: "p3",
                    period: "2025", amountFen: 500_000)), on: "2025-05-01", by: "E2")
        s.add(
            .subsidyApproved(.init(claimId: "K2", approverId: "GOV", amountFen: 450_000)), on: "2025-05-12", by: "GOV")
        s.add(.subsidyPaid(.init(claimId: "K2", amountFen: 225_000, advance: true)), on: "2025-06-01", by: "GOV")
        s.add(.subsidyClawedBack(.init(claimId: "K2", amountFen: 225_000, reason: "学徒退出")), on: "2025-08-15", by: "GOV")
        s.add(
            .subsidyApplied(
                .init(
                    claimId: "K3", budgetId: "B25E", programme: .employment, applicantId: "E2", personId: "p4",
                    period: "2025", amountFen: 200_000)), on: "2025-09-20", by: "E2")
        s.add(
            .subsidyApproved(.init(claimId: "K3", approverId: "GOV", amountFen: 200_000)), on: "2025-10-01", by: "GOV")
        s.add(.subsidyPaid(.init(claimId: "K3", amountFen: 200_000)), on: "2025-10-15", by: "GOV")
        s.add(
            .subsidyApplied(
                .init(
                    claimId: "K4", budgetId: "B25", programme: .apprenticeship, applicantId: "S1", period: "2025-H2",
                    amountFen: 100_000)), on: "2025-11-01", by: "S1")
        s.add(
            .subsidyApplied(
                .init(
                    claimId: "K5", budgetId: "B25", programme: .apprenticeship, applicantId: "E1", personId: "p1",
                    period: "2025-H2", amountFen: 100_000)), on: "2025-12-20", by: "E1")
        s.add(
            .subsidyApproved(.init(claimId: "K5", approverId: "GOV", amountFen: 100_000)), on: "2026-01-05", by: "GOV")
        s.add(.subsidyPaid(.init(claimId: "K5", amountFen: 100_000)), on: "2026-01-10", by: "GOV")
    }

    static func platforms(_ s: inout EventScript) {
        let d = EventScript.day
        s.add(
            .trainingDelivered(.init(providerId: "S1", personTimes: 120, topic: "工业机器人", recipientId: "E1")),
            on: "2025-04-10", by: "S1")
        s.add(.trainingDelivered(.init(providerId: "S1", personTimes: 50, topic: "安全生产")), on: "2026-01-20", by: "S1")
        s.add(
            .techServiceDelivered(.init(providerId: "S1", clientId: "E1", valueFen: 1_500_000)), on: "2025-06-10",
            by: "S1")
        s.add(
            .techServiceDelivered(.init(providerId: "S2", clientId: "E2", valueFen: 800_000)), on: "2025-08-10",
            by: "S2")
        s.add(
            .platformCreated(
                .init(
                    platformId: "X1", kind: .industryCollege, name: "智能制造产业学院", memberIds: ["S1", "E1"],
                    plannedBudgetFen: 50_000_000)), on: "2025-02-15", by: "S1")
        s.add(
            .platformCreated(
                .init(
                    platformId: "X2", kind: .lab, name: "PLC实训室", memberIds: ["S2", "E2"], plannedBudgetFen: 8_000_000)),
            on: "2025-03-15", by: "S2")
        s.add(
            .contributionRecorded(.init(platformId: "X1", memberId: "E1", kind: .cash, valueFen: 10_000_000)),
            on: "2025-03-01", by: "E1")
        s.add(
            .contributionRecorded(.init(platformId: "X1", memberId: "E1", kind: .equipment, valueFen: 4_000_000)),
            on: "2025-04-01", by: "E1")
        s.add(
            .contributionRecorded(.init(platformId: "X1", memberId: "S1", kind: .staff, valueFen: 1_000_000)),
            on: "2025-05-01", by: "S1")
        s.add(
            .contributionRecorded(.init(platformId: "X2", memberId: "E2", kind: .site, valueFen: 2_000_000)),
            on: "2025-05-01", by: "E2")
        s.add(
            .projectCreated(
                .init(
                    projectId: "P1", title: "产业学院一期", platformId: "X1", leadMemberId: "S1", budgetFen: 30_000_000,
                    startsOn: d("2025-03-01"), endsOn: d("2026-06-30"),
                    milestones: [
                        .init(milestoneId: "ms1", title: "设备到位", dueOn: d("2025-06-30")),
                        .init(milestoneId: "ms2", title: "首批开课", dueOn: d("2025-10-31")),
                        .init(milestoneId: "ms3", title: "验收", dueOn: d("2026-03-31")),
                    ])), on: "2025-03-01", by: "S1")
        s.add(
            .projectCreated(
                .init(
                    projectId: "P2", title: "PLC课程包", leadMemberId: "E2", budgetFen: 5_000_000,
                    startsOn: d("2025-04-01"), endsOn: d("2025-12-31"),
                    milestones: [
                        .init(milestoneId: "m1", title: "课程上线", dueOn: d("2025-09-30"))
                    ])), on: "2025-04-01", by: "E2")
        s.add(.milestoneReported(.init(projectId: "P1", milestoneId: "ms1")), on: "2025-06-25", by: "S1")
        s.add(.milestoneReported(.init(projectId: "P2", milestoneId: "m1")), on: "2025-10-15", by: "E2")
        s.add(.platformAccepted(.init(platformId: "X1")), on: "2025-11-20", by: "GOV")
        s.add(.platformRejected(.init(platformId: "X2", reason: "场地不达标")), on: "2025-12-01", by: "GOV")
        s.add(.projectClosed(.init(projectId: "P2", outcome: "完成")), on: "2025-12-10", by: "GOV")
    }
}
