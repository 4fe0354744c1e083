import Audit
import Domain

/// Member signatures: a signed event must verify with a key its actor registered and had not
/// revoked at that point in the log. On a ledger created with `--require-signatures`, unsigned
/// events are refused, except the secretariat's bootstrap (charter, admissions and key
/// registrations by the lead), without which no member could have registered a key.
struct SignatureCheck {
    let requireSignatures: Bool
    private let engine = RuleEngine()

    static let bootstrapTypes: Set<String> = ["ConsortiumChartered", "MemberAdmitted", "MemberKeyRegistered"]

    /// Returns true when a signature was present and verified. `typeName` is asked for only
    /// when an unsigned event must be judged (the audit checks a million records, and building
    /// each one's type name as a `String` was 6 % of its rules worker).
    @discardableResult
    func check(
        actor: String, typeName: @autoclosure () -> String, signature: [UInt8]?, signerKeyId: String?,
        signedBytes: () -> [UInt8], state: some RuleStateStore
    ) throws(RuleCheck.Violation) -> Bool {
        guard let signature else {
            if requireSignatures {
                let typeName = typeName()
                let lead = try? engine.leadMemberId(in: state)
                let bootstrap = Self.bootstrapTypes.contains(typeName) && (lead == nil || lead == actor)
                if !bootstrap {
                    throw RuleCheck.Violation(
                        code: .signatureRequired, field: "signature",
                        message:
                            "this ledger requires every event to be signed by its actor's registered key; \(actor)'s \(typeName) is unsigned"
                    )
                }
            }
            return false
        }
        guard let signerKeyId else {
            throw RuleCheck.Violation(
                code: .signatureRequired, field: "signerKeyId",
                message: "a signed event must name the key it was signed with")
        }
        let key: (publicKey: [UInt8], revoked: Bool)?
        do {
            key = try engine.memberKey(memberId: actor, keyId: signerKeyId, in: state)
        } catch {
            throw RuleCheck.Violation(code: error.code, field: "signerKeyId", message: error.message)
        }
        guard let key else {
            throw RuleCheck.Violation(
                code: .signatureInvalid, field: "signerKeyId",
                message: "member \(actor) has no registered key \(signerKeyId)")
        }
        guard !key.revoked else {
            throw RuleCheck.Violation(
                code: .signatureInvalid, field: "signerKeyId",
                message: "key \(signerKeyId) of member \(actor) was revoked")
        }
        guard let parsed = try? MemberSignature(rawRepresentation: signature),
            parsed.isValid(for: signedBytes(), publicKey: key.publicKey)
        else {
            throw RuleCheck.Violation(
                code: .signatureInvalid, field: "signature",
                message: "the signature does not verify with \(actor)'s key \(signerKeyId)")
        }
        return true
    }
}
