import Foundation

/// The outcome of the most recent `ledger audit`, kept beside the ledger so a dashboard can say
/// when the history was last verified and whether it held. It is a plain file, not an event:
/// an audit changes nothing in the history it checks.
public struct LastAudit: Sendable, Equatable, Codable {
    public var passed: Bool
    /// When the audit finished, ISO 8601 in UTC.
    public var finishedAt: String
    public var events: UInt64
    public var seconds: Double
    public var merkleRoot: String
    public var firstFailure: Failure?

    /// The first check that did not hold, as the audit report names it.
    public struct Failure: Sendable, Equatable, Codable {
        public var sequence: UInt64?
        public var check: String
        public var reason: String
    }

    public init(report: AuditReport, finishedAt: Date = Date()) {
        passed = report.passed
        self.finishedAt = ISO8601DateFormatter().string(from: finishedAt)
        events = report.events
        seconds = report.seconds
        merkleRoot = report.merkleRoot
        firstFailure = report.failure.map { Failure(sequence: $0.sequence, check: $0.check, reason: $0.reason) }
    }
}

extension Ledger {
    /// Where the last audit's outcome is kept (0600, replaced atomically).
    public var lastAuditPath: String { path + "/last-audit.json" }

    /// Records `report` as the last audit: written to a temporary file and renamed, so a reader
    /// sees the previous outcome or this one, never half of one.
    public func recordLastAudit(_ report: AuditReport, finishedAt: Date = Date()) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(LastAudit(report: report, finishedAt: finishedAt))
        let temporary = lastAuditPath + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw LedgerError(.io, "cannot write \(temporary)")
        }
        guard rename(temporary, lastAuditPath) == 0 else {
            let code = errno
            unlink(temporary)
            throw LedgerError(.io, "cannot rename \(temporary) to \(lastAuditPath): errno \(code)")
        }
    }

    /// The last recorded audit, or `nil` if none was recorded (or the file is unreadable).
    public func lastAudit() -> LastAudit? {
        guard let data = FileManager.default.contents(atPath: lastAuditPath) else { return nil }
        return try? JSONDecoder().decode(LastAudit.self, from: data)
    }
}
