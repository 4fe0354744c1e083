import Domain

/// The council's yearly steering figures: flows counted in the year their event occurred,
/// and dated status records (members, agreements, platforms) that a query judges on a day.
///
/// Every event also marks its actor as active in its year, for `inactiveMembers`.
public struct CouncilProjector: Projector {
    public static let name = "council"
    /// 2: the `E` index of agreements by year (`AgreementYears`).
    /// 3: member-scoped figures (`U`, `F`, `Q`, `N`) for KPI targets set for one member.
    public static let version = 3

    public init() {}

    public func apply(_ event: DomainEvent, envelope: EventContext, to store: inout some ProjectionStore) throws {
        let year = envelope.year
        let day = envelope.occurredOn
        try markActive(envelope.actor, year: year, in: &store)
        switch event {
        case .memberAdmitted(let e):
            try store.put(
                KeyBytes.make(CouncilLayout.member, e.memberId), MemberRecord(kind: e.kind, admittedOn: day).encoded)
        case .memberWithdrawn(let e):
            try updateMember(e.memberId, in: &store) { member in
                if member.withdrawnOn == nil { member.withdrawnOn = day }
            }
        case .enterpriseCertified(let e):
            try updateMember(e.memberId, in: &store) { member in
                if member.certifiedOn == nil { member.certifiedOn = day }
            }
        case .kpiTargetSet(let e):
            let key = CouncilLayout.targetKey(year: e.year, metric: e.metric, memberId: e.memberId)
            try store.put(key, EntityCodec.encode(capacity: 10) { $0.write(e.target) })
        case .agreementSigned(let e):
            let span = AgreementSpan(
                schoolId: e.schoolId, enterpriseId: e.enterpriseId, startsOn: e.startsOn, endsOn: e.endsOn)
            try store.put(KeyBytes.make(CouncilLayout.agreement, e.agreementId), span.encoded)
            try AgreementYears.update(agreementId: e.agreementId, from: nil, to: span, in: &store)
        case .agreementAmended(let e):
            guard let endsOn = e.endsOn else { return }
            try updateAgreement(e.agreementId, in: &store) { $0.endsOn = endsOn }
        case .agreementTerminated(let e):
            try updateAgreement(e.agreementId, in: &store) { span in
                if span.terminatedOn == nil { span.terminatedOn = day }
            }
        case .orderClassOpened(let e):
            var openedIn: [UInt8] = []
            KeyBytes.appendYear(year, to: &openedIn)
            let pair = try agreementPair(e.agreementId, in: store)
            openedIn.append(contentsOf: pair)
            try store.put(KeyBytes.make(CouncilLayout.orderClass, e.classId), openedIn)
            try addYear(Int64(e.capacity), YearSlot.orderClassPlaces, year, &store, "orderClassPlaces", "data.capacity")
            try addMembers(Int64(e.capacity), YearSlot.orderClassPlaces, year, pair: pair[...], &store)
        case .apprenticeEnrolled(let e):
            try addYear(1, YearSlot.apprenticesEnrolled, year, &store, "apprenticesEnrolled", "type")
            if let openedIn = try store.get(KeyBytes.make(CouncilLayout.orderClass, e.classId)) {
                let openedYear = KeyBytes.year(at: 0, in: openedIn)
                try addYear(1, YearSlot.orderClassFilled, openedYear, &store, "orderClassFilled", "type")
                let pair = openedIn.dropFirst(2)
                try store.put(KeyBytes.make(CouncilLayout.personPair, e.personId), Array(pair))
                try addMembers(1, YearSlot.apprenticesEnrolled, year, pair: pair, &store)
                try addMembers(1, YearSlot.orderClassFilled, openedYear, pair: pair, &store)
            }
        case .apprenticeGraduated(let e):
            try addYear(1, YearSlot.apprenticesGraduated, year, &store, "apprenticesGraduated", "type")
            if let pair = try store.get(KeyBytes.make(CouncilLayout.personPair, e.personId)) {
                try addMembers(1, YearSlot.apprenticesGraduated, year, pair: pair[...], &store)
            }
        case .graduateHired(let e):
            try recordHire(e, year: year, in: &store)
        case .platformCreated(let e):
            try store.put(
                KeyBytes.make(CouncilLayout.platform, e.platformId),
                PlatformRecord(kind: e.kind, createdOn: day).encoded)
            for memberId in e.memberIds {
                try store.put(CouncilLayout.platformMemberKey(memberId: memberId, platformId: e.platformId), [])
            }
        case .platformAccepted(let e):
            let key = KeyBytes.make(CouncilLayout.platform, e.platformId)
            guard let bytes = try store.get(key) else { return }
            var platform = try PlatformRecord(bytes)
            guard platform.acceptedOn == nil else { return }
            platform.acceptedOn = day
            try store.put(key, platform.encoded)
        case .budgetAllocated(let e):
            try addSubsidy(e.amountFen, SubsidySlot.budgetFen, e.year, e.programme, &store, "budgetFen")
        case .subsidyApplied(let e):
            try store.put(KeyBytes.make(CouncilLayout.claim, e.claimId), [CouncilLayout.caseNumber(e.programme)])
            try addSubsidy(e.amountFen, SubsidySlot.appliedFen, year, e.programme, &store, "appliedFen")
        case .subsidyApproved(let e):
            try addClaim(e.claimId, e.amountFen, SubsidySlot.approvedFen, year, &store, "approvedFen")
        case .subsidyPaid(let e):
            try addClaim(e.claimId, e.amountFen, SubsidySlot.paidFen, year, &store, "paidFen")
        case .subsidyClawedBack(let e):
            try addClaim(e.claimId, e.amountFen, SubsidySlot.clawedBackFen, year, &store, "clawedBackFen")
        case .trainingDelivered(let e):
            try addYear(
                Int64(e.personTimes), YearSlot.trainingPersonTimes, year, &store, "trainingPersonTimes",
                "data.personTimes")
            try addMember(Int64(e.personTimes), YearSlot.trainingPersonTimes, year, e.providerId, &store)
        case .techServiceDelivered(let e):
            try store.updateCounters(at: KeyBytes.make(CouncilLayout.yearFigures, year: year), slots: YearSlot.count) {
                c in
                // Checked first, so a refused event leaves the count untouched too.
                try c.add(
                    e.valueFen, to: YearSlot.techServiceValueFen, figure: "techServiceValueFen of \(year)",
                    field: "data.valueFen")
                c[YearSlot.techServices] &+= 1  // one per event: bounded by the log, far below Int64.max
            }
            // The provider's own figure is a part of the consortium's, which was checked just above.
            try store.updateCounters(at: CouncilLayout.memberYearKey(year: year, e.providerId), slots: YearSlot.count) {
                c in
                c[YearSlot.techServices] &+= 1
                c[YearSlot.techServiceValueFen] &+= e.valueFen
            }
        case .consortiumChartered, .councilResolutionPassed, .demandListPublished, .mentorAssigned,
            .internshipPlaced, .apprenticeAssessed, .certificateAwarded, .apprenticeWithdrawn,
            .employmentVerified, .contributionRecorded, .platformRejected, .projectCreated,
            .milestoneReported, .projectClosed, .memberKeyRegistered, .memberKeyRevoked:
            return
        }
    }

    /// One look-up per event; a write only the first time an actor acts in a year.
    private func markActive(_ actor: String, year: Int, in store: inout some ProjectionStore) throws {
        let key = KeyBytes.make(CouncilLayout.activeActor, year: year, actor)
        if try store.get(key) == nil { try store.put(key, []) }
    }

    private func recordHire(_ e: GraduateHired, year: Int, in store: inout some ProjectionStore) throws {
        let (newHire, newLocal) = try store.update(KeyBytes.make(CouncilLayout.person, e.personId)) { value in
            let flags = HireFlags(rawValue: value?.first ?? 0)
            let hired = !flags.contains(.hired)
            let local = e.local && !flags.contains(.hiredLocally)
            let updated = flags.union(e.local ? [.hired, .hiredLocally] : .hired)
            if updated != flags || value == nil { value = [updated.rawValue] }
            return (hired, local)
        }
        guard newHire || newLocal else { return }
        // The whole consortium, then each member the hire involves: the apprentice's school and
        // enterprise and the hiring enterprise, each once.
        var keys = [KeyBytes.make(CouncilLayout.yearFigures, year: year)]
        var members: [String] = []
        if let pair = try store.get(KeyBytes.make(CouncilLayout.personPair, e.personId)) {
            let (school, enterprise) = CouncilLayout.split(pair: pair[...])
            members = [school, enterprise]
        }
        if !members.contains(e.enterpriseId) { members.append(e.enterpriseId) }
        keys += members.filter { !$0.isEmpty }.map { CouncilLayout.memberYearKey(year: year, $0) }
        for key in keys {
            try store.updateCounters(at: key, slots: YearSlot.count) { c in
                if newHire { c[YearSlot.graduatesHired] &+= 1 }
                if newLocal { c[YearSlot.graduatesRetainedLocally] &+= 1 }
            }
        }
    }

    private func updateMember(
        _ id: String, in store: inout some ProjectionStore, _ change: (inout MemberRecord) -> Void
    ) throws {
        let key = KeyBytes.make(CouncilLayout.member, id)
        guard let bytes = try store.get(key) else { return }
        var member = try MemberRecord(bytes)
        change(&member)
        try store.put(key, member.encoded)
    }

    private func updateAgreement(
        _ id: String, in store: inout some ProjectionStore, _ change: (inout AgreementSpan) -> Void
    ) throws {
        let key = KeyBytes.make(CouncilLayout.agreement, id)
        guard let bytes = try store.get(key) else { return }
        let old = try AgreementSpan(bytes)
        var span = old
        change(&span)
        try store.put(key, span.encoded)
        try AgreementYears.update(agreementId: id, from: old, to: span, in: &store)
    }

    private func addYear(
        _ delta: Int64, _ slot: Int, _ year: Int, _ store: inout some ProjectionStore, _ figure: String, _ field: String
    ) throws {
        try store.add(
            delta, slot: slot, of: YearSlot.count, at: KeyBytes.make(CouncilLayout.yearFigures, year: year),
            figure: "\(figure) of \(year)", field: field)
    }

    private func addSubsidy(
        _ delta: Int64, _ slot: Int, _ year: Int, _ programme: SubsidyProgramme, _ store: inout some ProjectionStore,
        _ figure: String
    ) throws {
        try store.add(
            delta, slot: slot, of: SubsidySlot.count, at: CouncilLayout.subsidyKey(year: year, programme: programme),
            figure: "subsidies.\(programme.rawValue).\(figure) of \(year)", field: "data.amountFen")
    }

    /// Approvals, payments and claw-backs name only the claim: its programme was noted at application.
    private func addClaim(
        _ claimId: String, _ delta: Int64, _ slot: Int, _ year: Int, _ store: inout some ProjectionStore,
        _ figure: String
    ) throws {
        guard let bytes = try store.get(KeyBytes.make(CouncilLayout.claim, claimId)), let number = bytes.first,
            let programme = CouncilLayout.programme(number)
        else { return }
        try addSubsidy(delta, slot, year, programme, &store, figure)
    }
}
