import Domain

/// Key layout of the claims read model (the auditors' 骗补 checks, see docs/DOMAIN.md, Query names).
///
/// | key | value |
/// |---|---|
/// | `c` claimId | `ClaimRecord`: programme, applicant, person, period, amounts, dates |
/// | `p` personId | `PersonEvidence`: enrolments, placements, hires, withdrawal, graduation |
/// | `k` classId | pair key (schoolId 0x00 enterpriseId) of the class's agreement |
/// | `a` agreementId | pair key |
/// | `d` applicantId 0x00 personId 0x00 period | programme case numbers claimed for that slot |
///
/// Flags are not stored: they are judged at query time from the evidence, so evidence recorded
/// after a claim (an enrolment back-filled later) clears its flag, and `--as-of` sees what was
/// known then.
enum ClaimsLayout {
    static let claim = UInt8(ascii: "c")
    static let person = UInt8(ascii: "p")
    static let orderClass = UInt8(ascii: "k")
    static let agreement = UInt8(ascii: "a")
    static let slot = UInt8(ascii: "d")

    static func pairKey(school: String, enterprise: String) -> [UInt8] {
        var key = Array(school.utf8)
        key.append(KeyBytes.separator)
        key.append(contentsOf: enterprise.utf8)
        return key
    }

    static func split(pair: [UInt8]) -> (school: String, enterprise: String) {
        guard let separator = pair.firstIndex(of: KeyBytes.separator) else { return ("", "") }
        return (
            String(decoding: pair[..<separator], as: UTF8.self),
            String(decoding: pair[(separator + 1)...], as: UTF8.self)
        )
    }

    static func slotKey(applicantId: String, personId: String, period: String) -> StoreKey {
        var key = KeyBytes.make(slot, applicantId)
        key.append(KeyBytes.separator)
        key.append(utf8: personId)
        key.append(KeyBytes.separator)
        key.append(utf8: period)
        return key
    }

    /// Programmes in case order, built once.
    static let programmes = Array(SubsidyProgramme.allCases)

    static func caseNumber(_ programme: SubsidyProgramme) -> UInt8 {
        UInt8(truncatingIfNeeded: programmes.firstIndex(of: programme) ?? 0)
    }
}
