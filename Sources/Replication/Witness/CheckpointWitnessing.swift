import Audit
import ConsortiumLedger
import Foundation
import Logging

/// `ledger serve --witness …`: keeps the served checkpoint current and cosigned.
///
/// Every `interval` seconds: if records were appended since the latest checkpoint, it signs a
/// new one; then it asks each witness that has not yet cosigned the latest checkpoint (and has
/// already answered about that very checkpoint) for its cosignature, and adds the valid ones to the stored
/// note, which `/v1/checkpoint` serves. A refusal is logged once per checkpoint; it is a finding
/// against this ledger, not something to retry.
public final class CheckpointWitnessing: @unchecked Sendable {  // `asked` is touched by the one loop task only
    let ledger: Ledger
    let collector: CosignatureCollector
    let interval: Double
    let logger: Logger
    private var asked: Set<String> = []

    public init(ledger: Ledger, witnesses: [WitnessEndpoint], interval: Double, logger: Logger) {
        self.ledger = ledger
        collector = CosignatureCollector(witnesses: witnesses)
        self.interval = interval
        self.logger = logger
    }

    /// Runs until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            do { try await tick() } catch { logger.warning("checkpoint witnessing: \(error)") }
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }

    /// One pass; returns the latest note after it.
    @discardableResult
    public func tick() async throws -> SignedCheckpoint? {
        let size = try ledger.eventCount()
        var latest = try ledger.latestCheckpoint()
        if latest.map({ $0.checkpoint.size < size }) ?? (size > 0) {
            latest = try ledger.checkpoint()
        }
        guard let note = latest else { return nil }
        let missing = collector.witnesses.filter { witness in
            note.cosigners(among: [witness.key]).isEmpty && !asked.contains(Self.key(witness, note))
        }
        guard !missing.isEmpty else { return note }
        let pending = CosignatureCollector(witnesses: missing, client: collector.client)
        let ledger = self.ledger
        let newSize = note.checkpoint.size
        let (cosigned, reports) = await pending.collect(note) { old in
            try ledger.consistencyProof(oldSize: old, newSize: newSize).hashes
        }
        for report in reports {
            // An unreachable witness is asked again next time; one that answered is not.
            if report.answered { asked.insert(Self.key(report.witness, note)) }
            if let problem = report.problem {
                logger.error("witness \(report.witness.name) did not cosign size \(newSize): \(problem)")
            }
        }
        return try ledger.recordCosignatures(cosigned)
    }

    private static func key(_ witness: WitnessEndpoint, _ note: SignedCheckpoint) -> String {
        "\(witness.url) \(note.checkpoint.size) \(note.checkpoint.root.base64)"
    }
}
