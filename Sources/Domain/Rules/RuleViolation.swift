/// Why an append was refused: which rule, which field, and a sentence a secretary can act on.
///
/// The import reports it with file and line; the CLI prints ``description``. `code` is stable
/// for programs (tests, the audit's report), `message` is for people.
public struct RuleViolation: Error, Sendable, CustomStringConvertible {
    /// The rule that was broken. Raw values are stable: tools may match on them.
    public enum Code: String, Sendable, CaseIterable {
        /// A referenced member, agreement, class, person, platform, project, milestone, budget,
        /// claim or key does not exist (the actor included).
        case unknownReference
        /// An id that creates something (agreement, class, claim …) is already taken.
        case duplicateId
        /// The actor may not record this event, or not for these parties.
        case notPermitted
        /// A referenced member (or the actor) has withdrawn from the consortium.
        case inactiveMember
        /// A member of the wrong kind where a school, enterprise or approver is expected.
        case wrongMemberKind
        /// An end date before its start date.
        case invalidDates
        /// The agreement is terminated or outside its term on the event's date.
        case agreementNotActive
        /// The order class has no free place.
        case classFull
        /// The person is already in a class.
        case alreadyEnrolled
        /// The apprentice is not in the stage the event needs (withdrawn, not yet graduated …).
        case wrongStage
        /// A claim amount would break clawed back ≤ paid ≤ approved ≤ applied.
        case amountExceeds
        /// A claim or budget amount that is zero or negative where only a positive one means anything.
        case invalidAmount
        /// Approvals would exceed the budget's amount.
        case budgetExceeded
        /// Advances would exceed half the approved amount before the apprentice is assessed.
        case advanceTooLarge
        /// The approver is the applicant.
        case selfApproval
        /// A claim already exists for this programme, person and period.
        case duplicateClaim
        /// The claim's programme differs from its budget's.
        case programmeMismatch
        /// Something final happened already (terminated, closed, decided, reported, revoked).
        case alreadyRecorded
        /// `ConsortiumChartered` missing, repeated, or not by its lead member.
        case chartering
        /// A public key that is not base64 of 32 bytes.
        case invalidKey
        /// The ledger requires signatures and this event is unsigned (or names no signing key).
        case signatureRequired
        /// The signature does not verify: unknown or revoked key, or bytes that do not match.
        case signatureInvalid
        /// Another active member was admitted with the same unified social credit code.
        case duplicateCreditCode
        /// The rule state could not be read or written; `underlying` has the store's error.
        case storeFailure
        /// A stored rule-state record does not decode (bit rot or a bug); the audit must look.
        case corruptState
        /// A value outside the plausible range (see docs/HOSTILE-INPUT.md): an amount over
        /// 10^12 fen, free text that is too long or holds control characters, a date outside
        /// 1990…2100, an occurredAt more than a day after its recording.
        case implausibleValue
        /// The event would push a sum the rules or a read model keep past the largest figure
        /// the ledger stores (Int64.max); nothing wraps.
        case amountOverflow

        /// The codes one imported line can cause in a fresh ledger. Left out: the rule state's own
        /// failures (its store, its bytes), which no input brings about, and `amountOverflow`,
        /// which needs sums near Int64.max — millions of maximal events or a doctored figure
        /// (the hostile-input tests doctor one and assert this code).
        public static let inputRules: [Code] = allCases.filter {
            $0 != .storeFailure && $0 != .corruptState && $0 != .amountOverflow
        }
    }

    public var code: Code
    /// The import-line field concerned: `actor`, `type` or `data.<name>`.
    public var field: String
    public var message: String
    /// The store's own error for ``Code/storeFailure`` (e.g. an LMDB map-resized to retry).
    public var underlying: (any Error)?

    public init(_ code: Code, field: String, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        "\(field): \(message) [\(code.rawValue)]"
    }
}

extension RuleViolation {
    static func unknown(_ what: String, _ id: String, field: String) -> RuleViolation {
        RuleViolation(.unknownReference, field: field, "\(what) \(id) does not exist")
    }

    static func duplicate(_ what: String, _ id: String, field: String) -> RuleViolation {
        RuleViolation(.duplicateId, field: field, "\(what) \(id) already exists; choose a new id")
    }

    static func withdrawn(_ id: String, field: String) -> RuleViolation {
        RuleViolation(.inactiveMember, field: field, "member \(id) has withdrawn from the consortium")
    }

    static func secretariatOnly(actor: String, type: String) -> RuleViolation {
        RuleViolation(
            .notPermitted, field: "actor",
            "actor \(actor) may not record \(type): only the secretariat (government, park or association members) may")
    }

    static func notConcerned(actor: String, type: String, _ why: String) -> RuleViolation {
        RuleViolation(
            .notPermitted, field: "actor",
            "actor \(actor) may not record \(type): \(why); the secretariat may record it on the member's behalf")
    }

    static func positive(_ amount: Int64, field: String) -> RuleViolation {
        RuleViolation(.invalidAmount, field: field, "amount must be positive, got \(amount) fen")
    }
}
