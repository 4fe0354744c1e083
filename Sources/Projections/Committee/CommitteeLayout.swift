import Domain

/// Key layout of the school–enterprise committee read model.
///
/// A *pair key* is `schoolId 0x00 enterpriseId`, so walking `f schoolId 0x00` finds one
/// school's pairs and keys sort by school, then enterprise.
///
/// | key | value |
/// |---|---|
/// | `f` pair | `PairSlot` counters: the pair's figures |
/// | `g` pair 0x00 agreementId | `AgreementTerm` (term and termination) |
/// | `a` agreementId | pair key |
/// | `c` classId | pair key |
/// | `p` personId | `PersonRecord`: stage flags and the pair of the person's class |
/// | `k` claimId | personId of a claim made for a person |
enum CommitteeLayout {
    static let figures = UInt8(ascii: "f")
    static let agreementTerm = UInt8(ascii: "g")
    static let agreement = UInt8(ascii: "a")
    static let orderClass = UInt8(ascii: "c")
    static let person = UInt8(ascii: "p")
    static let claim = UInt8(ascii: "k")

    static func pairKey(school: String, enterprise: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(school.utf8.count + enterprise.utf8.count + 1)
        key.append(contentsOf: school.utf8)
        key.append(KeyBytes.separator)
        key.append(contentsOf: enterprise.utf8)
        return key
    }

    /// School and enterprise ids back from a pair key.
    static func split(pair: ArraySlice<UInt8>) -> (school: String, enterprise: String) {
        guard let separator = pair.firstIndex(of: KeyBytes.separator) else {
            return (String(decoding: pair, as: UTF8.self), "")
        }
        return (
            String(decoding: pair[pair.startIndex..<separator], as: UTF8.self),
            String(decoding: pair[(separator + 1)...], as: UTF8.self)
        )
    }

    static func prefixed(_ prefix: UInt8, _ pair: some Sequence<UInt8>) -> StoreKey {
        var key = StoreKey(tag: prefix)
        key.append(contentsOf: pair)
        return key
    }

    static func termKey(pair: [UInt8], agreementId: String) -> StoreKey {
        var key = prefixed(agreementTerm, pair)
        key.append(KeyBytes.separator)
        key.append(utf8: agreementId)
        return key
    }
}

/// Counter slots of a pair's figures (`f`). Stage counts are *reached* counts: each of
/// the pair's apprentices counts once in every stage it has reached, so a graduate also
/// counts as enrolled (a funnel, as committees read it).
enum PairSlot {
    static let capacity = 0
    /// Enrolments into the pair's classes.
    static let classEnrolled = 1
    static let enrolled = 2
    static let placed = 3
    static let assessed = 4
    static let certified = 5
    static let graduated = 6
    static let hired = 7
    static let withdrawn = 8
    /// Apprentices that have had both a school and an enterprise mentor.
    static let dualMentored = 9
    /// Assessments taken (every sitting) and passed, for the pass rate.
    static let assessments = 10
    static let passedAssessments = 11
    static let hiredLocally = 12
    static let subsidiesPaidFen = 13
    /// Apprentices whose latest assessment passed (the pass rate's numerator; `assessed` is its denominator).
    static let passedApprentices = 14
    static let count = 15
}

/// What a person has reached (`PersonRecord.flags`), so each stage counts once. The raw
/// values are stored: bits are only ever added.
struct PersonFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let enrolled = PersonFlags(rawValue: 1 << 0)
    static let placed = PersonFlags(rawValue: 1 << 1)
    static let assessed = PersonFlags(rawValue: 1 << 2)
    static let certified = PersonFlags(rawValue: 1 << 3)
    static let graduated = PersonFlags(rawValue: 1 << 4)
    static let hired = PersonFlags(rawValue: 1 << 5)
    static let withdrawn = PersonFlags(rawValue: 1 << 6)
    static let schoolMentor = PersonFlags(rawValue: 1 << 7)
    static let enterpriseMentor = PersonFlags(rawValue: 1 << 8)
    static let hiredLocally = PersonFlags(rawValue: 1 << 9)
    /// The person's latest assessment passed (cleared again by a later fail).
    static let latestPassed = PersonFlags(rawValue: 1 << 10)
    static let bothMentors: PersonFlags = [.schoolMentor, .enterpriseMentor]

    /// Big-endian in the record's first two bytes.
    init(rawValue: UInt16) { self.rawValue = rawValue }
    init(high: UInt8, low: UInt8) { rawValue = UInt16(high) << 8 | UInt16(low) }
    var high: UInt8 { UInt8(rawValue >> 8) }
    var low: UInt8 { UInt8(rawValue & 0xFF) }
}

/// A person as the committee tracks it: two bytes of flags and the raw pair key, so the
/// hot path never decodes a string.
struct PersonRecord {
    var flags: PersonFlags
    var pair: ArraySlice<UInt8>

    init(flags: PersonFlags, pair: ArraySlice<UInt8>) {
        self.flags = flags
        self.pair = pair
    }

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return nil }
        flags = PersonFlags(high: bytes[0], low: bytes[1])
        pair = bytes[2...]
    }

    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pair.count + 2)
        bytes.append(flags.high)
        bytes.append(flags.low)
        bytes.append(contentsOf: pair)
        return bytes
    }
}
