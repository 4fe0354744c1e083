import Domain

/// A reason for an auditor to look at a claim (骗补 checks, see docs/DOMAIN.md, Query names).
/// Flags never refuse an event; the codes are stable, the sentences are for people.
public struct ClaimFlag: Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        /// An apprenticeship or internship claim whose person was not enrolled in a class under
        /// one of the applicant's agreements during the period.
        case noEnrolment = "no-enrolment"
        /// An internship claim without an `InternshipPlaced` overlapping the period.
        case noPlacement = "no-placement"
        /// An employment or social-insurance claim whose person was never hired by the applicant.
        case notHired = "not-hired"
        /// A claim for a period that starts after the person withdrew.
        case withdrawn
        /// Money paid on the claim after the person withdrew.
        case paidAfterWithdrawal = "paid-after-withdrawal"
        /// The same person and period claimed under two programmes by one applicant.
        case duplicatePersonPeriod = "duplicate-person-period"
    }

    public var code: Code
    public var sentence: String

    public init(_ code: Code, _ sentence: String) {
        self.code = code
        self.sentence = sentence
    }

    /// `code: sentence`, as a table cell and a CSV list item show it.
    public var text: String { "\(code.rawValue): \(sentence)" }

    public var json: JSONValue { ["code": .string(code.rawValue), "sentence": .string(sentence)] }
}
