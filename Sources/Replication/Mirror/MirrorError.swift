import Foundation

/// Why a mirror stopped. `rewrittenHistory` and `splitView` are findings against the primary,
/// with the evidence folder; the others are failures to reach or trust it.
public struct MirrorError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable {
        /// A new checkpoint does not extend the last one seen (failed consistency proof), or
        /// the records served do not hash to the signed root.
        case rewrittenHistory
        /// Two signed checkpoints of one size with different roots.
        case splitView
        /// The primary's answer cannot be used (unsigned checkpoint, other origin, bad JSON).
        case untrusted
        /// The primary could not be reached or refused.
        case unavailable
        /// DIR exists but is not a mirror, or is a mirror of another ledger.
        case notAMirror
    }

    public let code: Code
    public let context: String
    /// The sequence (or tree size) where the histories part, when known.
    public let sequence: UInt64?
    /// Where the evidence was written.
    public let evidence: String?

    public init(_ code: Code, _ context: String, sequence: UInt64? = nil, evidence: String? = nil) {
        self.code = code
        self.context = context
        self.sequence = sequence
        self.evidence = evidence
    }

    /// Findings against the primary exit with 3, everything else with 1.
    public var isFinding: Bool { code == .rewrittenHistory || code == .splitView }

    public var description: String {
        var text = "mirror \(code.rawValue)"
        if let sequence { text += " at sequence \(sequence)" }
        text += ": \(context)"
        if let evidence { text += " (evidence in \(evidence))" }
        return text
    }

    public var errorDescription: String? { description }
}
