import Domain

/// The council's index of agreements by the years they are in force:
/// `E year(2) enterpriseId 0x00 agreementId` → the agreement's first day, or empty once an
/// amendment or termination took the agreement out of that year (stores have no delete).
///
/// Why: "enterprises participating in year Y" walked every agreement ever signed, so the
/// council query grew with history (~0.7 ms at 10^6 events). With the index it walks only
/// the agreements in force during Y, already grouped by enterprise.
enum AgreementYears {
    static func prefix(year: Int) -> StoreKey { KeyBytes.make(CouncilLayout.agreementYear, year: year) }

    static func key(year: Int, enterpriseId: String, agreementId: String) -> StoreKey {
        var key = prefix(year: year)
        key.append(utf8: enterpriseId)
        key.append(KeyBytes.separator)
        key.append(utf8: agreementId)
        return key
    }

    /// The school side of the index, `F year schoolId 0x00 enterpriseId 0x00 agreementId`, with
    /// the same values: a school's KPI counts the enterprises it works with in a year.
    static func schoolPrefix(year: Int, schoolId: String) -> StoreKey {
        var key = KeyBytes.make(CouncilLayout.schoolAgreementYear, year: year, schoolId)
        key.append(KeyBytes.separator)
        return key
    }

    static func schoolKey(year: Int, span: AgreementSpan, agreementId: String) -> StoreKey {
        var key = schoolPrefix(year: year, schoolId: span.schoolId)
        key.append(utf8: span.enterpriseId)
        key.append(KeyBytes.separator)
        key.append(utf8: agreementId)
        return key
    }

    /// The calendar years the agreement is in force (none when it ended before it started).
    static func years(of span: AgreementSpan) -> ClosedRange<Int>? {
        let last = span.lastDay
        guard span.startsOn <= last else { return nil }
        return span.startsOn.year...last.year
    }

    /// Brings the index from `old` (nil for a new agreement) to `new`.
    static func update(
        agreementId: String, from old: AgreementSpan?, to new: AgreementSpan, in store: inout some ProjectionStore
    ) throws {
        let before = old.flatMap(years(of:))
        let after = years(of: new)
        let start = EntityCodec.encode(capacity: 5) { $0.write(new.startsOn) }
        if let after {
            for year in after where before?.contains(year) != true || old?.startsOn != new.startsOn {
                try store.put(key(year: year, enterpriseId: new.enterpriseId, agreementId: agreementId), start)
                try store.put(schoolKey(year: year, span: new, agreementId: agreementId), start)
            }
        }
        if let before {
            for year in before where after?.contains(year) != true {
                try store.put(key(year: year, enterpriseId: new.enterpriseId, agreementId: agreementId), [])
                try store.put(schoolKey(year: year, span: new, agreementId: agreementId), [])
            }
        }
    }

    /// Enterprises with an agreement in force on some day from 1 January of `year` to `cutDay`.
    static func participatingCount(
        year: Int, through cutDay: LocalDate, in store: some ProjectionStore, prefix given: StoreKey? = nil
    ) throws -> Int {
        let prefix = given ?? prefix(year: year)
        var count = 0
        var lastCounted: [UInt8]?
        try store.forEachBorrowed(prefix: prefix) { key, value in
            guard !value.isEmpty else { return }
            let startsOn: LocalDate = try EntityCodec.decode(value) { try $0.read() }
            guard startsOn <= cutDay else { return }
            let rest = key[prefix.count...]
            let enterprise = UnsafeRawBufferPointer(
                rebasing: rest[..<(rest.firstIndex(of: KeyBytes.separator) ?? rest.endIndex)])
            // Keys sort by enterprise, so one enterprise's agreements are adjacent.
            if lastCounted.map({ !enterprise.elementsEqual($0) }) ?? true {
                count += 1
                lastCounted = Array(enterprise)
            }
        }
        return count
    }
}
