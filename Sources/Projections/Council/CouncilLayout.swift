import Domain

/// Key layout of the council read model (one store, prefixes are ASCII letters).
///
/// | key | value |
/// |---|---|
/// | `M` memberId | `MemberRecord` (kind, admitted, withdrawn?, certified?) |
/// | `G` agreementId | `AgreementSpan` (enterprise, term, terminated?) |
/// | `C` classId | year the class was opened (2 bytes, big-endian) |
/// | `P` personId | `HireFlags` (one byte) |
/// | `L` platformId | `PlatformRecord` (kind, created, accepted?) |
/// | `K` claimId | subsidy programme (case number) |
/// | `A` year(2) actorId | empty: the member acted in that year |
/// | `Y` year(2) | `YearSlot` counters |
/// | `S` year(2) programme(1) | `SubsidySlot` counters |
/// | `T` year(2) metric(1) memberId? | KPI target (zigzag varint) |
/// | `E` year(2) enterpriseId 0x00 agreementId | first day, or empty when no longer in force that year (`AgreementYears`) |
/// | `F` year(2) schoolId 0x00 enterpriseId 0x00 agreementId | the same, by school |
/// | `U` year(2) memberId | `YearSlot` counters of what involves the member (member-scoped KPIs) |
/// | `Q` personId | pair key (schoolId 0x00 enterpriseId) of the person's latest class |
/// | `N` memberId 0x00 platformId | empty: the member belongs to the platform |
///
/// `C` classId holds the year the class was opened, then the pair key of its agreement.
enum CouncilLayout {
    static let member = UInt8(ascii: "M")
    static let agreement = UInt8(ascii: "G")
    static let orderClass = UInt8(ascii: "C")
    static let person = UInt8(ascii: "P")
    static let platform = UInt8(ascii: "L")
    static let claim = UInt8(ascii: "K")
    static let activeActor = UInt8(ascii: "A")
    static let yearFigures = UInt8(ascii: "Y")
    static let subsidies = UInt8(ascii: "S")
    static let target = UInt8(ascii: "T")
    static let agreementYear = UInt8(ascii: "E")
    static let schoolAgreementYear = UInt8(ascii: "F")
    static let memberYearFigures = UInt8(ascii: "U")
    static let personPair = UInt8(ascii: "Q")
    static let platformMember = UInt8(ascii: "N")

    static func subsidyKey(year: Int, programme: SubsidyProgramme) -> StoreKey {
        var key = StoreKey(tag: subsidies)
        KeyBytes.appendYear(year, to: &key)
        key.append(caseNumber(programme))
        return key
    }

    static func targetKey(year: Int, metric: KPIMetric, memberId: String?) -> StoreKey {
        var key = KeyBytes.make(target, year: year)
        key.append(caseNumber(metric))
        if let memberId { key.append(utf8: memberId) }
        return key
    }

    /// A DomainEnum's stored case number (its position; cases are only ever appended).
    static func caseNumber<E: DomainEnum>(_ value: E) -> UInt8 {
        UInt8(truncatingIfNeeded: E.ordered.firstIndex(of: value) ?? 0)
    }

    static func enumCase<E: DomainEnum>(_ number: UInt8, as type: E.Type) -> E? {
        let cases = E.ordered
        return Int(number) < cases.count ? cases[Int(number)] : nil
    }

    /// Programmes in case order, built once: a synthesised `allCases` allocates an array per
    /// call, and every subsidy event names its programme (twice for approvals and payments).
    static let programmes = Array(SubsidyProgramme.allCases)

    static func caseNumber(_ programme: SubsidyProgramme) -> UInt8 {
        UInt8(truncatingIfNeeded: programmes.firstIndex(of: programme) ?? 0)
    }

    static func programme(_ number: UInt8) -> SubsidyProgramme? {
        Int(number) < programmes.count ? programmes[Int(number)] : nil
    }
}

/// What the council has counted of a person's hires (`P` records), so each counts once.
struct HireFlags: OptionSet, Sendable {
    let rawValue: UInt8

    static let hired = HireFlags(rawValue: 1 << 0)
    static let hiredLocally = HireFlags(rawValue: 1 << 1)
}

/// Counter slots of a council year record (`Y`): flows of events that occurred in the year.
enum YearSlot {
    static let apprenticesEnrolled = 0
    static let apprenticesGraduated = 1
    static let graduatesHired = 2
    static let graduatesRetainedLocally = 3
    static let trainingPersonTimes = 4
    static let techServices = 5
    static let techServiceValueFen = 6
    /// Capacity of classes opened in the year.
    static let orderClassPlaces = 7
    /// Enrolments into classes opened in the year, whenever they happen.
    static let orderClassFilled = 8
    static let count = 9
}

/// Counter slots of a council subsidy record (`S`), gross: claw-backs are never netted.
enum SubsidySlot {
    /// Budgets allocated for the year (the budget's own `year`).
    static let budgetFen = 0
    static let appliedFen = 1
    static let approvedFen = 2
    static let paidFen = 3
    static let clawedBackFen = 4
    static let count = 5
}
