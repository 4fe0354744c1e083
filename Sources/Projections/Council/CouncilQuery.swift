import Domain

/// Answers `ledger query council --year Y` from the council read model.
///
/// Cost is bounded by the size of the consortium, not its history: one get for the year's
/// flows, and prefix walks over members, the year's agreements, platforms, the year's active actors,
/// subsidy records and targets.
public enum CouncilQuery {
    public static func run(year: Int, judgedOn: LocalDate, store: some ProjectionStore) throws -> CouncilReport {
        let firstDay = LocalDate(year: year, month: 1, day: 1) ?? LocalDate(daysSince1970: 0)
        let lastOfYear = LocalDate(year: year, month: 12, day: 31) ?? firstDay
        let cutDay = min(lastOfYear, judgedOn)
        var report = CouncilReport.empty(year: year, judgedOn: judgedOn)

        let flows = try store.counters(at: KeyBytes.make(CouncilLayout.yearFigures, year: year))
        report.apprenticesEnrolled = flows[YearSlot.apprenticesEnrolled]
        report.apprenticesGraduated = flows[YearSlot.apprenticesGraduated]
        report.graduatesHired = flows[YearSlot.graduatesHired]
        report.graduatesRetainedLocally = flows[YearSlot.graduatesRetainedLocally]
        report.trainingPersonTimes = flows[YearSlot.trainingPersonTimes]
        report.techServices = flows[YearSlot.techServices]
        report.techServiceValueFen = flows[YearSlot.techServiceValueFen]
        report.orderClassPlaces = flows[YearSlot.orderClassPlaces]
        report.orderClassFilled = flows[YearSlot.orderClassFilled]

        // The year's actors and the members both come in id byte order, so "acted this year" is a
        // merge of the two walks: no string per actor or member, only per inactive member reported.
        let actorPrefix = KeyBytes.make(CouncilLayout.activeActor, year: year)
        var actedInYear = IdList()
        try store.forEachBorrowed(prefix: actorPrefix) { key, _ in actedInYear.append(key[actorPrefix.count...]) }
        var nextActor = 0

        try store.forEachBorrowed(prefix: [CouncilLayout.member]) { key, value in
            let member = try MemberRecord(raw: value)
            guard member.admittedOn <= cutDay else { return }
            report.members.total += 1
            guard member.isOnRoll(on: cutDay) else { return }
            let id = UnsafeRawBufferPointer(rebasing: key[1...])
            report.members.active += 1
            report.members.byKind[member.kind, default: 0] += 1
            if member.kind == .enterprise, let certified = member.certifiedOn, certified <= cutDay {
                report.certifiedEnterprises += 1
            }
            while nextActor < actedInYear.count, actedInYear[nextActor].lexicographicallyPrecedes(id) { nextActor += 1 }
            let acted = nextActor < actedInYear.count && actedInYear[nextActor].elementsEqual(id)
            if !acted { report.inactiveMembers.append(String(decoding: id, as: UTF8.self)) }
        }

        report.enterprisesParticipating = try AgreementYears.participatingCount(year: year, through: cutDay, in: store)

        try store.forEachBorrowed(prefix: [CouncilLayout.platform]) { _, value in
            let platform = try PlatformRecord(raw: value)
            guard platform.createdOn <= cutDay else { return }
            report.platforms.total += 1
            report.platforms.byKind[platform.kind, default: 0] += 1
            if let accepted = platform.acceptedOn, accepted <= cutDay { report.platforms.accepted += 1 }
        }

        let subsidyPrefix = KeyBytes.make(CouncilLayout.subsidies, year: year)
        try store.forEach(prefix: subsidyPrefix) { key, value in
            guard key.count > subsidyPrefix.count,
                let programme = CouncilLayout.enumCase(key[subsidyPrefix.count], as: SubsidyProgramme.self)
            else { return }
            let c = CounterValues(bytes: value)
            report.subsidies[programme] = CouncilReport.Subsidy(
                budgetFen: c[SubsidySlot.budgetFen], appliedFen: c[SubsidySlot.appliedFen],
                approvedFen: c[SubsidySlot.approvedFen], paidFen: c[SubsidySlot.paidFen],
                clawedBackFen: c[SubsidySlot.clawedBackFen])
        }

        let targetPrefix = KeyBytes.make(CouncilLayout.target, year: year)
        try store.forEach(prefix: targetPrefix) { key, value in
            guard key.count > targetPrefix.count,
                let metric = CouncilLayout.enumCase(key[targetPrefix.count], as: KPIMetric.self)
            else { return }
            let memberId =
                key.count > targetPrefix.count + 1 ? KeyBytes.id(after: targetPrefix.count + 1, in: key) : nil
            let target: Int64 = try EntityCodec.decode(value) { try $0.read() }
            report.kpis.append(CouncilReport.KPI(metric: metric, memberId: memberId, target: target, actual: 0))
        }
        for index in report.kpis.indices {
            let kpi = report.kpis[index]
            if let memberId = kpi.memberId {
                report.kpis[index].actual = try memberActual(
                    kpi.metric, memberId: memberId, year: year, cutDay: cutDay, store: store)
            } else {
                report.kpis[index].actual = report.actual(kpi.metric)
            }
        }
        return report
    }
}

extension CouncilReport {
    /// A year with nothing in it: every kind and programme present with zeros.
    public static func empty(year: Int, judgedOn: LocalDate) -> CouncilReport {
        CouncilReport(
            year: year, judgedOn: judgedOn,
            members: Members(total: 0, active: 0, byKind: [:]),
            enterprisesParticipating: 0, certifiedEnterprises: 0, apprenticesEnrolled: 0,
            apprenticesGraduated: 0, graduatesHired: 0, graduatesRetainedLocally: 0,
            trainingPersonTimes: 0, techServices: 0, techServiceValueFen: 0, orderClassPlaces: 0,
            orderClassFilled: 0, platforms: Platforms(total: 0, byKind: [:], accepted: 0),
            subsidies: [:], kpis: [], inactiveMembers: [])
    }
}
