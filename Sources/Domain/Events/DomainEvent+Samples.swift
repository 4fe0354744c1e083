// Sample events, one per type, for parameterised tests here and in other modules.

extension DomainEvent {
    /// One event of every type with every optional field filled, in type-code order.
    public static let samples: [DomainEvent] = [
        .consortiumChartered(
            ConsortiumChartered(consortiumId: "SZ-2025", name: "苏州市域产教联合体", region: "江苏省苏州市", leadMemberId: "M-GOV")),
        .memberAdmitted(
            MemberAdmitted(
                memberId: "M-ENT-01", name: "某精密机械有限公司", kind: .enterprise, schoolLevel: .higherVocational,
                industry: "智能制造", creditCode: "91330100716105852F")),
        .memberWithdrawn(MemberWithdrawn(memberId: "M-ENT-01", reason: "合作期满，双方同意终止")),
        .enterpriseCertified(EnterpriseCertified(memberId: "M-ENT-01", level: .city)),
        .councilResolutionPassed(CouncilResolutionPassed(resolutionId: "R1", title: "2025年度工作计划")),
        .kpiTargetSet(KPITargetSet(year: 2025, metric: .apprenticesEnrolled, target: 300, memberId: "M-ENT-01")),
        .agreementSigned(
            AgreementSigned(
                agreementId: "A1", schoolId: "M-SCH-01", enterpriseId: "M-ENT-01", kind: .orderClass,
                startsOn: LocalDate(daysSince1970: 20148), endsOn: LocalDate(daysSince1970: 21243), places: 40)),
        .agreementAmended(AgreementAmended(agreementId: "A1", endsOn: LocalDate(daysSince1970: 21243), places: 40)),
        .agreementTerminated(AgreementTerminated(agreementId: "A1", reason: "合作期满，双方同意终止")),
        .demandListPublished(
            DemandListPublished(
                listId: "L1", enterpriseId: "M-ENT-01", year: 2025,
                items: [
                    DemandListPublished.Item(occupation: "数控车工", headcount: 12),
                    DemandListPublished.Item(occupation: "工业机器人运维员", headcount: 8),
                ])),
        .orderClassOpened(
            OrderClassOpened(classId: "C-2025-01", agreementId: "A1", major: "数控技术", capacity: 45, intakeYear: 2025)),
        .apprenticeEnrolled(
            ApprenticeEnrolled(personId: "p7", classId: "C-2025-01", enrolledOn: LocalDate(daysSince1970: 20332))),
        .mentorAssigned(MentorAssigned(personId: "p7", mentorId: "mentor-3", side: .school)),
        .internshipPlaced(
            InternshipPlaced(
                personId: "p7", enterpriseId: "M-ENT-01", startsOn: LocalDate(daysSince1970: 20148),
                endsOn: LocalDate(daysSince1970: 21243))),
        .apprenticeAssessed(ApprenticeAssessed(personId: "p7", assessment: "中级工技能考核", passed: true)),
        .certificateAwarded(CertificateAwarded(personId: "p7", certificate: "数控车工（四级）", level: "四级")),
        .apprenticeWithdrawn(ApprenticeWithdrawn(personId: "p7", reason: "合作期满，双方同意终止")),
        .apprenticeGraduated(ApprenticeGraduated(personId: "p7")),
        .graduateHired(GraduateHired(personId: "p7", enterpriseId: "M-ENT-01", local: true)),
        .employmentVerified(EmploymentVerified(personId: "p7", enterpriseId: "M-ENT-01", monthsEmployed: 6)),
        .platformCreated(
            PlatformCreated(
                platformId: "X1", kind: .industryCollege, name: "智能制造产业学院", memberIds: ["M-ENT-01", "M-SCH-01"],
                plannedBudgetFen: 500_000_000)),
        .contributionRecorded(
            ContributionRecorded(platformId: "X1", memberId: "M-ENT-02", kind: .equipment, valueFen: 1_250_000)),
        .platformAccepted(PlatformAccepted(platformId: "X1")),
        .platformRejected(PlatformRejected(platformId: "X1", reason: "合作期满，双方同意终止")),
        .projectCreated(
            ProjectCreated(
                projectId: "P1", title: "2025年度工作计划", platformId: "X1", leadMemberId: "M-GOV", budgetFen: 80_000_000,
                startsOn: LocalDate(daysSince1970: 20148), endsOn: LocalDate(daysSince1970: 21243),
                milestones: [
                    ProjectCreated.Milestone(
                        milestoneId: "ms-1", title: "设备采购完成", dueOn: LocalDate(daysSince1970: 20269)),
                    ProjectCreated.Milestone(
                        milestoneId: "ms-2", title: "实训室投入使用", dueOn: LocalDate(daysSince1970: 20453)),
                ])),
        .milestoneReported(MilestoneReported(projectId: "P1", milestoneId: "ms-1")),
        .projectClosed(ProjectClosed(projectId: "P1", outcome: "验收通过")),
        .budgetAllocated(
            BudgetAllocated(
                budgetId: "B2025", programme: .apprenticeship, year: 2025, amountFen: 425000, source: "市财政专项资金")),
        .subsidyApplied(
            SubsidyApplied(
                claimId: "C9", budgetId: "B2025", programme: .apprenticeship, applicantId: "M-ENT-01", personId: "p7",
                period: "2025", amountFen: 425000)),
        .subsidyApproved(SubsidyApproved(claimId: "C9", approverId: "M-GOV", amountFen: 425000)),
        .subsidyPaid(SubsidyPaid(claimId: "C9", amountFen: 425000, advance: true)),
        .subsidyClawedBack(SubsidyClawedBack(claimId: "C9", amountFen: 425000, reason: "合作期满，双方同意终止")),
        .trainingDelivered(
            TrainingDelivered(providerId: "M-SCH-01", personTimes: 120, topic: "工业机器人运维", recipientId: "M-ENT-01")),
        .techServiceDelivered(TechServiceDelivered(providerId: "M-SCH-01", clientId: "M-ENT-02", valueFen: 1_250_000)),
        .memberKeyRegistered(
            MemberKeyRegistered(memberId: "M-ENT-01", publicKey: "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvP=")),
        .memberKeyRevoked(MemberKeyRevoked(memberId: "M-ENT-01", keyId: "key-1")),
    ]

    /// One event of every type with only the required fields, in type-code order.
    public static let minimalSamples: [DomainEvent] = [
        .consortiumChartered(
            ConsortiumChartered(consortiumId: "SZ-2025", name: "苏州市域产教联合体", region: "江苏省苏州市", leadMemberId: "M-GOV")),
        // Research institutes need no credit code: the required fields alone make a valid admission.
        .memberAdmitted(MemberAdmitted(memberId: "M-RES-01", name: "某智能制造研究院", kind: .research)),
        .memberWithdrawn(MemberWithdrawn(memberId: "M-ENT-01", reason: "合作期满，双方同意终止")),
        .enterpriseCertified(EnterpriseCertified(memberId: "M-ENT-01", level: .city)),
        .councilResolutionPassed(CouncilResolutionPassed(resolutionId: "R1", title: "2025年度工作计划")),
        .kpiTargetSet(KPITargetSet(year: 2025, metric: .apprenticesEnrolled, target: 300)),
        .agreementSigned(
            AgreementSigned(
                agreementId: "A1", schoolId: "M-SCH-01", enterpriseId: "M-ENT-01", kind: .orderClass,
                startsOn: LocalDate(daysSince1970: 20148), endsOn: LocalDate(daysSince1970: 21243))),
        .agreementAmended(AgreementAmended(agreementId: "A1")),
        .agreementTerminated(AgreementTerminated(agreementId: "A1", reason: "合作期满，双方同意终止")),
        .demandListPublished(
            DemandListPublished(
                listId: "L1", enterpriseId: "M-ENT-01", year: 2025,
                items: [
                    DemandListPublished.Item(occupation: "数控车工", headcount: 12),
                    DemandListPublished.Item(occupation: "工业机器人运维员", headcount: 8),
                ])),
        .orderClassOpened(
            OrderClassOpened(classId: "C-2025-01", agreementId: "A1", major: "数控技术", capacity: 45, intakeYear: 2025)),
        .apprenticeEnrolled(
            ApprenticeEnrolled(personId: "p7", classId: "C-2025-01", enrolledOn: LocalDate(daysSince1970: 20332))),
        .mentorAssigned(MentorAssigned(personId: "p7", mentorId: "mentor-3", side: .school)),
        .internshipPlaced(
            InternshipPlaced(
                personId: "p7", enterpriseId: "M-ENT-01", startsOn: LocalDate(daysSince1970: 20148),
                endsOn: LocalDate(daysSince1970: 21243))),
        .apprenticeAssessed(ApprenticeAssessed(personId: "p7", assessment: "中级工技能考核", passed: true)),
        .certificateAwarded(CertificateAwarded(personId: "p7", certificate: "数控车工（四级）")),
        .apprenticeWithdrawn(ApprenticeWithdrawn(personId: "p7", reason: "合作期满，双方同意终止")),
        .apprenticeGraduated(ApprenticeGraduated(personId: "p7")),
        .graduateHired(GraduateHired(personId: "p7", enterpriseId: "M-ENT-01", local: true)),
        .employmentVerified(EmploymentVerified(personId: "p7", enterpriseId: "M-ENT-01", monthsEmployed: 6)),
        .platformCreated(
            PlatformCreated(
                platformId: "X1", kind: .industryCollege, name: "智能制造产业学院", memberIds: ["M-ENT-01", "M-SCH-01"],
                plannedBudgetFen: 500_000_000)),
        .contributionRecorded(
            ContributionRecorded(platformId: "X1", memberId: "M-ENT-02", kind: .equipment, valueFen: 1_250_000)),
        .platformAccepted(PlatformAccepted(platformId: "X1")),
        .platformRejected(PlatformRejected(platformId: "X1", reason: "合作期满，双方同意终止")),
        .projectCreated(
            ProjectCreated(
                projectId: "P1", title: "2025年度工作计划", leadMemberId: "M-GOV", budgetFen: 80_000_000,
                startsOn: LocalDate(daysSince1970: 20148), endsOn: LocalDate(daysSince1970: 21243),
                milestones: [
                    ProjectCreated.Milestone(
                        milestoneId: "ms-1", title: "设备采购完成", dueOn: LocalDate(daysSince1970: 20269)),
                    ProjectCreated.Milestone(
                        milestoneId: "ms-2", title: "实训室投入使用", dueOn: LocalDate(daysSince1970: 20453)),
                ])),
        .milestoneReported(MilestoneReported(projectId: "P1", milestoneId: "ms-1")),
        .projectClosed(ProjectClosed(projectId: "P1", outcome: "验收通过")),
        .budgetAllocated(
            BudgetAllocated(
                budgetId: "B2025", programme: .apprenticeship, year: 2025, amountFen: 425000, source: "市财政专项资金")),
        .subsidyApplied(
            SubsidyApplied(
                claimId: "C9", budgetId: "B2025", programme: .apprenticeship, applicantId: "M-ENT-01", period: "2025",
                amountFen: 425000)),
        .subsidyApproved(SubsidyApproved(claimId: "C9", approverId: "M-GOV", amountFen: 425000)),
        .subsidyPaid(SubsidyPaid(claimId: "C9", amountFen: 425000)),
        .subsidyClawedBack(SubsidyClawedBack(claimId: "C9", amountFen: 425000, reason: "合作期满，双方同意终止")),
        .trainingDelivered(TrainingDelivered(providerId: "M-SCH-01", personTimes: 120, topic: "工业机器人运维")),
        .techServiceDelivered(TechServiceDelivered(providerId: "M-SCH-01", clientId: "M-ENT-02", valueFen: 1_250_000)),
        .memberKeyRegistered(
            MemberKeyRegistered(memberId: "M-ENT-01", publicKey: "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvP=")),
        .memberKeyRevoked(MemberKeyRevoked(memberId: "M-ENT-01", keyId: "key-1")),
    ]
}
