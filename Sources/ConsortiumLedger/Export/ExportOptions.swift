import Domain
import Foundation

/// How `Ledger.export` runs.
public struct ExportOptions: Sendable {
    /// Where the read-model files come from.
    public enum ReadModelSource: Sendable {
        /// The live read models when they are at the snapshot's head (the normal case), else a replay.
        case automatic
        /// Always fold the snapshot's events from zero (slower; what a distrustful auditor asks for).
        case replay
    }

    /// A previous export's `manifest.json` (or its directory): export only the events after its
    /// range, chained to it by its SHA-256.
    public var since: String?
    public var readModels: ReadModelSource = .automatic
    /// The day relative figures are judged on (default: today, as `ledger query` does).
    public var judgedOn: LocalDate = .today
    /// Called with (events written, events to write) after every batch of 8,192 events and at the end.
    public var progress: (@Sendable (UInt64, UInt64) -> Void)?

    public init(since: String? = nil, readModels: ReadModelSource = .automatic) {
        self.since = since
        self.readModels = readModels
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    /// The published snapshot directory.
    public var directory: String
    public var manifest: ExportManifest
    public var seconds: Double
    public var eventsPerSecond: Double { seconds > 0 ? Double(manifest.sequences.count) / seconds : 0 }
    public var totalBytes: UInt64 { manifest.files.reduce(0) { $0 + $1.bytes } }
}
