import Audit

/// How an import runs.
public struct ImportOptions: Sendable {
    /// Events per durable write transaction (`--batch-size`). When nil, an input of at most
    /// `singleTransactionBytes` is parsed, checked and written in one transaction (all or
    /// nothing, one sync) and a bigger one is validated first and committed in chunks of
    /// `defaultBatchSize`. LMDB holds a transaction's dirty pages in memory, so a huge file
    /// is committed in chunks; an interrupted chunked import resumes by event id when the
    /// same file is imported again.
    public var batchSize: Int?
    /// Where to write every bad record as JSON lines (default: only the first is reported).
    public var reportPath: String?
    /// Called now and then with (phase, records done so far).
    public var progress: (@Sendable (ImportPhase, Int) -> Void)?
    /// Sign every event as its actor with this member key (`--sign-with`).
    public var signer: MemberKeyPair?

    /// Inputs up to this many bytes go in one transaction; bigger JSONL is written in
    /// segments of this size after validation. 256 MiB is about a million events, whose
    /// transaction holds a few hundred MB of dirty pages and rule/read-model state.
    public var singleTransactionBytes = 256 << 20

    public static let defaultBatchSize = 50_000

    public init(batchSize: Int? = nil, reportPath: String? = nil) {
        self.batchSize = batchSize
        self.reportPath = reportPath
    }
}

public enum ImportPhase: String, Sendable {
    /// Pass one of a chunked import: parsing and checking everything before any write.
    case validating
    /// Pass two of a chunked import: each report follows a durable commit.
    case writing
    /// A single-transaction import: parsing, checking and writing at once, committed at the end.
    case importing
}

/// What an import did.
public struct ImportSummary: Sendable {
    public var records = 0
    public var appended = 0
    /// Records whose id was already recorded with the same content (a resumed or repeated import).
    public var alreadyRecorded = 0
    public var byType: [String: Int] = [:]
    /// Read-model snapshots stored in the import's own transaction (those it crossed; any
    /// the checkpointer writes afterwards are not counted).
    public var snapshots = 0
    public var seconds = 0.0
    public var rate: Double { seconds > 0 ? Double(records) / seconds : 0 }
}
