import Audit
import Domain
import EventStore
import Foundation

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
        // The read-model snapshots an import crossed (its own short transactions, after the
        // import's; a failure there leaves them to the next trigger or query).
        defer { _ = try? writeSnapshots() }
        let inputBytes = inputs.reduce(0) { $0 + $1.data.count }
        if options.batchSize == nil, inputBytes <= options.singleTransactionBytes,
            var summary = try importInOneTransaction(inputs, options: options)?.summary
        {
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        var summary = ImportSummary()
        var committed = ImportCommitted()
        let segmented = options.batchSize == nil && inputs.allSatisfy { $0.format == .jsonl }
        let validated = try validate(inputs, options: options, keepRecords: !segmented, summary: &summary)
        if segmented, try writeInSegments(inputs, options: options, summary: &summary, committed: &committed) {
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        try writeInChunks(
            inputs, validated: validated, batchSize: options.batchSize ?? ImportOptions.defaultBatchSize,
            options: options, summary: &summary, committed: &committed)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Pass two of a validated import too big for one transaction: each segment of about
    /// `options.singleTransactionBytes` goes in one transaction with the rules beside the writer.
    /// Returns false if a segment was refused — another writer changed the ledger since the
    /// validation — and the chunked pass must finish the job (recorded events are skipped).
    private func writeInSegments(
        _ inputs: [ImportInput], options: ImportOptions, summary: inout ImportSummary, committed: inout ImportCommitted
    ) throws -> Bool {
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
                committed.record(appended: written.summary.appended, sequences: written.sequences)
                summary.appended += written.summary.appended
                summary.alreadyRecorded += written.summary.alreadyRecorded
                summary.snapshots += written.summary.snapshots
                done += written.summary.records
                options.progress?(.writing, done)
            }
        }
        return true
    }

    /// Pass two of a validated import, in durable chunks of `batchSize` with the rules re-run
    /// in each chunk's transaction. A chunk refused after others committed (a concurrent writer
    /// changed the ledger since the validation) throws ``ImportInterrupted``, which says what is
    /// durable; a refusal before anything committed is the chunk's own error (nothing written).
    private func writeInChunks(
        _ inputs: [ImportInput], validated: ValidatedRecords?, batchSize: Int, options: ImportOptions,
        summary: inout ImportSummary, committed: inout ImportCommitted
    ) throws {
        var batch: [NewEvent] = []
        var domainEvents: [DomainEvent] = []
        batch.reserveCapacity(batchSize)
        domainEvents.reserveCapacity(batchSize)
        var done = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            let result: AppendResult
            do {
                result = try append(batch, domainEvents: domainEvents)
            } catch {
                guard committed.events > 0 else { throw error }
                // The chunk's own refusal says "nothing was written" (true of that transaction);
                // beside the durable earlier chunks it would mislead, so the phrase goes.
                let reason = "\(error)".replacingOccurrences(of: "; nothing was written", with: "")
                throw ImportInterrupted(
                    transactionsCommitted: committed.transactions, eventsCommitted: committed.events,
                    sequences: committed.sequences, failedRecords: (done + 1)...(done + batch.count), reason: reason)
            }
            committed.record(appended: result.appendedCount, sequences: ImportCommitted.range(of: result))
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
                        issues.append(
                            ImportIssue(
                                location: location, kind: .ruleViolation, field: violation.field,
                                message: violation.message,
                                ruleCode: violation.code))
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
