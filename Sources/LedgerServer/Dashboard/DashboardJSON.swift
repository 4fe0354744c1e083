import ConsortiumLedger
import Foundation

/// The JSON of `GET /v1/session` and `GET /v1/health`.
enum DashboardJSON {
    /// Who is logged in, the pages that caller may open, and the years the ledger's events span
    /// (the council page's year choice).
    static func session(caller: Caller, health: LedgerHealth) -> String {
        var object: [String: Any] = [
            "authenticated": true, "member": caller.member, "role": caller.role.rawValue,
            "pages": DashboardPage.names,
        ]
        if let first = health.firstOccurredAt.flatMap({ Int($0.prefix(4)) }),
            let last = health.lastOccurredAt.flatMap({ Int($0.prefix(4)) })
        {
            object["years"] = [min(first, last), max(first, last)]
        }
        return serialized(object)
    }

    static func health(_ health: LedgerHealth) -> String {
        var object: [String: Any] = [
            "ledgerId": health.ledgerId, "events": health.events, "checkpoints": health.checkpoints,
            "firstOccurredAt": health.firstOccurredAt ?? NSNull(), "lastOccurredAt": health.lastOccurredAt ?? NSNull(),
        ]
        object["lastCheckpoint"] =
            health.lastCheckpoint.map { checkpoint -> Any in
                [
                    "origin": checkpoint.origin, "size": checkpoint.size, "rootHash": checkpoint.rootHash,
                    "signers": checkpoint.signers.map { ["name": $0.name, "keyId": $0.keyId, "ledger": $0.isLedger] },
                ] as [String: Any]
            } ?? NSNull()
        object["lastAudit"] =
            health.lastAudit.map { audit -> Any in
                var entry: [String: Any] = [
                    "passed": audit.passed, "finishedAt": audit.finishedAt, "events": audit.events,
                    "seconds": audit.seconds, "merkleRoot": audit.merkleRoot,
                ]
                if let failure = audit.firstFailure {
                    var f: [String: Any] = ["check": failure.check, "reason": failure.reason]
                    if let sequence = failure.sequence { f["sequence"] = sequence }
                    entry["firstFailure"] = f
                }
                return entry
            } ?? NSNull()
        return serialized(object)
    }

    private static func serialized(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
