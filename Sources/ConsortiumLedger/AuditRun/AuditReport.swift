import Domain
import Foundation

/// What `ledger audit` verified, and the first thing that did not hold.
public struct AuditReport: Sendable {
    /// One read model compared: the live digest against a replay from genesis.
    public struct ReadModelComparison: Sendable {
        public var model: TierModel
        public var live: String
        public var replayed: String
        public var matches: Bool { live == replayed }
    }

    public var events: UInt64 = 0
    public var chainVerified: UInt64 = 0
    public var rulesChecked: UInt64 = 0
    public var signaturesVerified = 0
    public var unsignedEvents = 0
    public var checkpointsVerified = 0
    public var merkleRoot = ""
    public var readModels: [ReadModelComparison] = []
    /// Read-model snapshots whose stored versions and digests matched a replay from genesis.
    public var snapshotsVerified = 0
    /// Of `seconds`, the time the snapshot verification took: comparing the deltas the audit's
    /// parallel pass took, or on a small or failing ledger a replay of its own on one thread.
    public var snapshotSeconds = 0.0
    /// Whether the snapshots needed that replay of their own (tests tell the two paths apart).
    var snapshotsReplayedSeparately = false
    /// The first failure by sequence (or nil for whole-ledger checks such as a digest).
    public var failure: AuditFailure?
    public var seconds = 0.0

    /// Exit status 0 only when this is true.
    public var passed: Bool { failure == nil }

    public var text: String {
        var lines = [
            "events                 \(events)",
            "hash chain verified    \(chainVerified)",
            "rules checked          \(rulesChecked)",
            "member signatures      \(signaturesVerified) verified, \(unsignedEvents) unsigned events",
            "signed checkpoints     \(checkpointsVerified) verified",
            "Merkle root            \(merkleRoot)",
        ]
        for comparison in readModels {
            lines.append(
                "read model \(comparison.model.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                    + (comparison.matches
                        ? "digest matches replay (\(comparison.live.prefix(16))…)" : "DIFFERS from replay"))
        }
        lines.append(
            "snapshots              \(snapshotsVerified) verified against the replay"
                + String(format: " (%.2f s)", snapshotSeconds))
        lines.append(
            String(
                format: "time                   %.2f s (%.0f events/s)", seconds,
                seconds > 0 ? Double(events) / seconds : 0))
        if let failure {
            let at = failure.sequence.map { "sequence \($0)" } ?? "the ledger"
            lines.append("FAILED at \(at): \(failure.check): \(failure.reason)")
        } else {
            lines.append("PASSED: every check holds")
        }
        return lines.joined(separator: "\n")
    }

    public var json: [String: Any] {
        var object: [String: Any] = [
            "passed": passed, "events": events, "chainVerified": chainVerified, "rulesChecked": rulesChecked,
            "signaturesVerified": signaturesVerified, "unsignedEvents": unsignedEvents,
            "checkpointsVerified": checkpointsVerified, "merkleRoot": merkleRoot, "seconds": seconds,
            "snapshotsVerified": snapshotsVerified, "snapshotSeconds": snapshotSeconds,
            "readModels": readModels.map {
                ["model": $0.model.rawValue, "live": $0.live, "replayed": $0.replayed, "matches": $0.matches]
            },
        ]
        if let failure {
            var f: [String: Any] = ["check": failure.check, "reason": failure.reason]
            if let sequence = failure.sequence { f["sequence"] = sequence }
            if let rule = failure.ruleCode { f["code"] = rule.rawValue }
            if let field = failure.field { f["field"] = field }
            object["firstFailure"] = f
        }
        return object
    }
}

/// The first thing an audit found that does not hold.
public struct AuditFailure: Sendable, Equatable {
    /// The failing record's sequence; nil for whole-ledger checks such as a read-model digest.
    public var sequence: UInt64?
    /// Which check failed: `hash chain`, `member signature`, `rules`, `read model council` …
    public var check: String
    public var reason: String
    /// For the rules and member-signature checks: the broken rule's stable code and its field.
    public var ruleCode: RuleViolation.Code?
    public var field: String?

    public init(
        _ sequence: UInt64?, _ check: String, _ reason: String, ruleCode: RuleViolation.Code? = nil,
        field: String? = nil
    ) {
        self.sequence = sequence
        self.check = check
        self.reason = reason
        self.ruleCode = ruleCode
        self.field = field
    }

    /// This failure as a problem document body (see ``LedgerProblem``).
    public var problem: LedgerProblem {
        LedgerProblem(code: ruleCode?.rawValue ?? check, field: field, message: reason, sequence: sequence)
    }
}
