import Audit
import Domain
import EventStore
import Foundation

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
    public var seconds = 0.0
    public var rate: Double { seconds > 0 ? Double(records) / seconds : 0 }
}

extension Ledger {
    /// Imports files; nothing is written if any record is bad, and every bad record is reported.
    ///
    /// An input that fits one transaction is parsed, checked and written in a single pass
    /// (rules run once, beside the writer); if anything is wrong that transaction is abandoned
    /// and the two-pass path runs to name every bad record. A bigger JSONL input is validated
    /// first, then written in segments of one transaction each, the same way. Otherwise (or
    /// with `options.batchSize`): first every record is parsed and checked against the rules,
    /// then the events are appended in chunks, each atomic and durable, rules re-checked inside
    /// each chunk's transaction so a concurrent writer cannot slip past them.
    public func importFiles(_ inputs: [ImportInput], options: ImportOptions = ImportOptions()) throws -> ImportSummary {
        let start = Date()
        let inputBytes = inputs.reduce(0) { $0 + $1.data.count }
        if options.batchSize == nil, inputBytes <= options.singleTransactionBytes,
            var summary = try importInOneTransaction(inputs, options: options)?.summary
        {
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        var summary = ImportSummary()
        let segmented = options.batchSize == nil && inputs.allSatisfy { $0.format == .jsonl }
        let validated = try validate(inputs, options: options, keepRecords: !segmented, summary: &summary)
        if segmented, try writeInSegments(inputs, options: options, summary: &summary)
        {
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        try writeInChunks(
            inputs, validated: validated, batchSize: options.batchSize ?? ImportOptions.defaultBatchSize,
            options: options, summary: &summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Pass two of a validated import too big for one transaction: each segment of about
    /// `options.singleTransactionBytes` goes in one transaction with the rules beside the writer.
    /// Returns false if a segment was refused — another writer changed the ledger since the
    /// validation — and the chunked pass must finish the job (recorded events are skipped).
    private func writeInSegments(_ inputs: [ImportInput], options: ImportOptions, summary: inout ImportSummary) throws -> Bool {
        var done = 0
        for input in inputs {
            var ids = DerivedIds()
            for segment in input.jsonlSegments(maxBytes: options.singleTransactionBytes) {
                guard let written = try importInOneTransaction([segment], options: options, continuing: ids) else {
                    summary.appended = 0
                    summary.alreadyRecorded = 0
                    return false
                }
                ids = written.ids
                summary.appended += written.summary.appended
                summary.alreadyRecorded += written.summary.alreadyRecorded
                done += written.summary.records
                options.progress?(.writing, done)
            }
        }
        return true
    }

    /// Pass two of a validated import, in durable chunks of `batchSize` with the rules re-run
    /// in each chunk's transaction.
    private func writeInChunks(
        _ inputs: [ImportInput], validated: ValidatedRecords?, batchSize: Int, options: ImportOptions,
        summary: inout ImportSummary
    ) throws {
        var batch: [NewEvent] = []
        var domainEvents: [DomainEvent] = []
        batch.reserveCapacity(batchSize)
        domainEvents.reserveCapacity(batchSize)
        var done = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let result = try append(batch, domainEvents: domainEvents)
            summary.appended += result.appendedCount
            summary.alreadyRecorded += batch.count - result.appendedCount
            done += batch.count
            options.progress?(.writing, done)
            batch.removeAll(keepingCapacity: true)
            domainEvents.removeAll(keepingCapacity: true)
        }
        if let validated {
            for record in validated.records {
                batch.append(try record.prepared ?? record.line.newEvent(id: record.id).signed(by: options.signer))
                domainEvents.append(record.line.event)
                if batch.count >= batchSize { try flush() }
            }
        } else {
            for input in inputs {
                var ids = DerivedIds()
                try ImportRecords.forEach(in: input) { _, result in
                    guard case .success(let line) = result else { return }
                    batch.append(try line.newEvent(id: ids.id(for: line)).signed(by: options.signer))
                    domainEvents.append(line.event)
                    if batch.count >= batchSize { try flush() }
                }
            }
        }
        try flush()
    }

    /// Pass one: parse everything (on a second thread, `ValidationFeed`) and dry-run the id
    /// conflicts and rules on a snapshot; throws `ImportRejected`.
    /// Returns the parsed records when `keepRecords` and there are at most `ValidatedRecords.limit`
    /// of them, so pass two need not parse the input again (else nil: pass two re-reads).
    private func validate(
        _ inputs: [ImportInput], options: ImportOptions, keepRecords: Bool, summary: inout ImportSummary
    ) throws -> ValidatedRecords? {
        var issues: [ImportIssue] = []
        var kept: ValidatedRecords? = keepRecords ? ValidatedRecords() : nil
        try store.read { reader in
            var rules = RuleCheck.dryRun(
                transaction: reader.transaction, database: facade.rules, requireSignatures: requiresSignatures)
            var conflicts = ImportConflictCheck()
            let feed = ValidationFeed(inputs: inputs, signer: options.signer)
            defer { feed.stop() }
            while let chunk = try feed.queue.take() {
                for record in chunk {
                    let location = record.location
                    summary.records += 1
                    if summary.records & 0x3FFF == 0 { options.progress?(.validating, summary.records) }
                    let prepared: PreparedRecord
                    switch record.outcome {
                    case .failure(let issue):
                        issues.append(issue)
                        continue
                    case .success(let parsed):
                        prepared = parsed
                    }
                    let line = prepared.line
                    summary.byType[line.type, default: 0] += 1
                    if summary.records > ValidatedRecords.limit { kept = nil }
                    do {
                        // Same id and content already recorded (or earlier in the input): skipped at write time.
                        if try conflicts.check(prepared.event, at: location, reader: reader) == .alreadyRecorded {
                            kept?.records.append((line, prepared.id, nil))
                            continue
                        }
                    } catch let issue as ImportIssue {
                        issues.append(issue)
                        continue
                    }
                    kept?.records.append((line, prepared.id, prepared.event))
                    do {
                        try rules.checkSignature(of: prepared.event)
                        try rules.check(line.event, actor: line.actor, occurredAt: line.occurredAt)
                    } catch let violation as RuleCheck.Violation {
                        issues.append(ImportIssue(
                            location: location, kind: .ruleViolation, field: violation.field, message: violation.message))
                    }
                }
            }
        }
        if let reportPath = options.reportPath {
            let text = issues.map(\.reportLine).joined(separator: "\n") + (issues.isEmpty ? "" : "\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: reportPath))
        }
        if !issues.isEmpty { throw ImportRejected(issues: issues, recordsChecked: summary.records) }
        return kept
    }
}

/// The records pass one parsed, kept for pass two when the input is small enough.
///
/// Why: parsing JSON and building the log event was ~18% of an import of 10^5 events and was
/// done twice; keeping them costs about 1 KB per record, so only inputs up to `limit` records
/// (~250 MB) are kept and bigger ones are parsed again.
struct ValidatedRecords {
    static let limit = 250_000
    /// Each good record with its id and, unless it was already recorded, its prepared log event.
    var records: [(line: ImportLine, id: String, prepared: NewEvent?)] = []
}

/// Ids for records that carry none, derived from their content and how often that content
/// occurred before in the same file — so importing the same file again is idempotent.
struct DerivedIds {
    private var occurrences: [Hash: Int] = [:]

    mutating func id(for line: ImportLine) -> String {
        if let id = line.id { return id }
        let canonical = Array(JSONValue.object(line.jsonObject()).canonicalSerialized().utf8)
        let digest = Hash.sha256(canonical)
        let n = occurrences[digest, default: 0]
        occurrences[digest] = n + 1
        let bytes = Hash.sha256(digest.bytes + Array("#\(n)".utf8)).bytes
        return UUIDText.format(Array(bytes.prefix(16)))
    }
}

/// RFC 4122 text form for 16 bytes (version 8, "custom": the bytes are a content hash).
enum UUIDText {
    static func format(_ raw: [UInt8]) -> String {
        var b = raw
        b[6] = (b[6] & 0x0F) | 0x80
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String(format: "%02x", $0) }.joined()
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-"
            + String(h[20..<32])
    }
}
