import Domain

/// The council's member-scoped figures: what a KPI target set for one member (`KPITargetSet`
/// with `memberId`) is compared with. Each is the council figure counted only over what
/// involves the member (see docs/DOMAIN.md, Query names): apprentices in classes under its
/// agreements, the agreements it is a party to, the services it provides, the platforms it
/// belongs to.
extension CouncilLayout {
    static func memberYearKey(year: Int, _ memberId: String) -> StoreKey {
        KeyBytes.make(memberYearFigures, year: year, memberId)
    }

    static func platformMemberKey(memberId: String, platformId: String) -> StoreKey {
        var key = KeyBytes.make(platformMember, memberId)
        key.append(KeyBytes.separator)
        key.append(utf8: platformId)
        return key
    }

    static func pairKey(school: String, enterprise: String) -> [UInt8] {
        var key = Array(school.utf8)
        key.append(KeyBytes.separator)
        key.append(contentsOf: enterprise.utf8)
        return key
    }

    static func split(pair: ArraySlice<UInt8>) -> (school: String, enterprise: String) {
        guard let separator = pair.firstIndex(of: KeyBytes.separator) else { return ("", "") }
        return (
            String(decoding: pair[pair.startIndex..<separator], as: UTF8.self),
            String(decoding: pair[(separator + 1)...], as: UTF8.self)
        )
    }
}

extension CouncilProjector {
    /// The school and enterprise of an agreement as a pair key (empty when unknown).
    func agreementPair(_ agreementId: String, in store: some ProjectionStore) throws -> [UInt8] {
        guard let bytes = try store.get(KeyBytes.make(CouncilLayout.agreement, agreementId)) else { return [] }
        let span = try AgreementSpan(bytes)
        return CouncilLayout.pairKey(school: span.schoolId, enterprise: span.enterpriseId)
    }

    func addMember(_ delta: Int64, _ slot: Int, _ year: Int, _ memberId: String, _ store: inout some ProjectionStore)
        throws
    {
        // A member's figure is a part of the consortium's, which is checked first; checked here too
        // so a doctored member figure cannot wrap either.
        try store.add(
            delta, slot: slot, of: YearSlot.count, at: CouncilLayout.memberYearKey(year: year, memberId),
            figure: "member \(memberId)'s figure of \(year)", field: "data")
    }

    /// Adds to both members of a pair (school and enterprise).
    func addMembers(
        _ delta: Int64, _ slot: Int, _ year: Int, pair: ArraySlice<UInt8>, _ store: inout some ProjectionStore
    ) throws {
        guard !pair.isEmpty else { return }
        let (school, enterprise) = CouncilLayout.split(pair: pair)
        try addMember(delta, slot, year, school, &store)
        if enterprise != school { try addMember(delta, slot, year, enterprise, &store) }
    }
}

extension CouncilQuery {
    /// One member's own figure for `metric` in `year`, judged on `cutDay`.
    ///
    /// Status metrics are the member's own status as 0 or 1: `members` (on the roll),
    /// `certifiedEnterprises` (a certified enterprise), `inactiveMembers` (on the roll and no
    /// event as actor in the year). `enterprisesParticipating` is, for a school, the enterprises
    /// it has an agreement in force with in the year; for an enterprise, 1 when it has one.
    static func memberActual(
        _ metric: KPIMetric, memberId: String, year: Int, cutDay: LocalDate, store: some ProjectionStore
    ) throws -> Int64 {
        let member = try store.get(KeyBytes.make(CouncilLayout.member, memberId)).map(MemberRecord.init)
        let onRoll = member?.isOnRoll(on: cutDay) ?? false
        let flows = try store.counters(at: CouncilLayout.memberYearKey(year: year, memberId))
        switch metric {
        case .members: return onRoll ? 1 : 0
        case .certifiedEnterprises:
            guard onRoll, member?.kind == .enterprise, let certified = member?.certifiedOn else { return 0 }
            return certified <= cutDay ? 1 : 0
        case .inactiveMembers:
            guard onRoll else { return 0 }
            return try store.get(KeyBytes.make(CouncilLayout.activeActor, year: year, memberId)) == nil ? 1 : 0
        case .enterprisesParticipating:
            switch member?.kind {
            case .school?:
                return Int64(
                    try AgreementYears.participatingCount(
                        year: year, through: cutDay, in: store,
                        prefix: AgreementYears.schoolPrefix(year: year, schoolId: memberId)))
            case .enterprise?:
                var prefix = AgreementYears.prefix(year: year)
                prefix.append(utf8: memberId)
                prefix.append(KeyBytes.separator)
                return try AgreementYears.participatingCount(year: year, through: cutDay, in: store, prefix: prefix) > 0
                    ? 1 : 0
            default: return 0
            }
        case .platforms:
            var prefix = KeyBytes.make(CouncilLayout.platformMember, memberId)
            prefix.append(KeyBytes.separator)
            var count: Int64 = 0
            try store.forEach(prefix: prefix) { key, _ in
                let platformId = KeyBytes.id(after: prefix.count, in: key)
                guard let bytes = try store.get(KeyBytes.make(CouncilLayout.platform, platformId)) else { return }
                if try PlatformRecord(bytes).createdOn <= cutDay { count += 1 }
            }
            return count
        case .apprenticesEnrolled: return flows[YearSlot.apprenticesEnrolled]
        case .apprenticesGraduated: return flows[YearSlot.apprenticesGraduated]
        case .graduatesHired: return flows[YearSlot.graduatesHired]
        case .graduatesRetainedLocally: return flows[YearSlot.graduatesRetainedLocally]
        case .trainingPersonTimes: return flows[YearSlot.trainingPersonTimes]
        case .techServices: return flows[YearSlot.techServices]
        case .techServiceValueFen: return flows[YearSlot.techServiceValueFen]
        case .orderClassPlaces: return flows[YearSlot.orderClassPlaces]
        case .orderClassFilled: return flows[YearSlot.orderClassFilled]
        }
    }
}
