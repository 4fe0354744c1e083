import Audit
import Domain
import EventStore
import Foundation
import LMDB
import Projections

/// How thorough the audit is.
public struct AuditOptions: Sendable {
    /// Verify member signatures (Ed25519 per signed event; the slowest check).
    public var checkSignatures = true
    public init(checkSignatures: Bool = true) { self.checkSignatures = checkSignatures }
}

extension Ledger {
    /// Replays every event from genesis in scratch space and checks, in one pass on one snapshot:
    /// the hash chain; the Merkle tree against every stored signed checkpoint (root and signature);
    /// each member signature against the key valid at that sequence; the rules of docs/DOMAIN.md (Rules an append enforces); then
    /// rebuilds every read model and compares its digest with the live one.
    public func audit(options: AuditOptions = AuditOptions(), progress: ((UInt64) -> Void)? = nil) throws -> AuditReport
    {
        let start = Date()
        try? catchUp()  // live models at the head, so the digests compare like with like
        let publicKey = try? self.publicKey()
        var report = AuditReport()
        try store.read { reader in
            let checkpoints = try storedCheckpoints(reader.transaction)
            var replay = AuditReplay(
                checkpoints: checkpoints, publicKey: publicKey,
                signatures: SignatureCheck(requireSignatures: requiresSignatures),
                checkSignatures: options.checkSignatures)
            defer { replay.freeScratchInBackground() }
            if let empty = checkpoints[0], let reason = replay.checkCheckpoint(empty) {
                report.failure = AuditFailure(0, "checkpoint", reason)
            }
            let chain: ChainReport
            let positions = try snapshotPositionsToVerify(in: reader)
            if report.failure == nil,
                let fast = try replay.inspectInParallel(
                    reader, report: &report, snapshotPositions: positions,
                    // Only a size hint: the audit trusts nothing in the live state.
                    expectedRuleEntries: (try? reader.transaction.count(facade.rules)) ?? 0, progress: progress)
            {
                chain = fast
            } else {
                // Something failed (or the ledger is tiny): one thread, which names the first failure exactly.
                report = AuditReport()
                replay = AuditReplay(
                    checkpoints: checkpoints, publicKey: publicKey,
                    signatures: SignatureCheck(requireSignatures: requiresSignatures),
                    checkSignatures: options.checkSignatures)
                if let empty = checkpoints[0], let reason = replay.checkCheckpoint(empty) {
                    report.failure = AuditFailure(0, "checkpoint", reason)
                }
                chain = try reader.verifyChain(progress: progress) { record in
                    guard report.failure == nil else { return nil }
                    return try replay.inspect(record, report: &report)
                }
            }
            report.events = UInt64(try reader.count())
            report.chainVerified = chain.verified
            if report.failure == nil, let broken = chain.firstFailure {
                let check = replay.failedCheck ?? "hash chain"
                report.failure = AuditFailure(
                    broken.sequence, check, broken.reason, ruleCode: replay.failedRule?.code,
                    field: replay.failedRule?.field)
            }
            report.merkleRoot = replay.accumulator.root.hex
            guard report.failure == nil else { return }
            // Hashing the stored snapshot versions reads only the ledger: it runs on another
            // core while the read models are compared (a tenth of an audit at 10^6, alone at the end).
            let snapshotId = reader.transaction.id
            let storedSnapshotDigests = BackgroundResult { [self] in try storedDeltaDigests(seenBy: snapshotId) }
            if let beyond = checkpoints.keys.filter({ $0 > replay.accumulator.size }).min() {
                report.failure = AuditFailure(
                    replay.accumulator.size + 1, "signed checkpoint",
                    "a checkpoint was signed at size \(beyond) but the log holds only \(replay.accumulator.size) records"
                )
                return
            }
            let stored = try MerkleState.load(reader.transaction, facade)
            if stored != replay.accumulator {
                report.failure = AuditFailure(
                    nil, "Merkle tree",
                    "the stored tree head (size \(stored.size)) differs from the one recomputed from the records")
                return
            }
            try compareReadModels(replay: &replay.models, reader: reader, report: &report)
            if report.failure == nil {
                let snapshotStart = Date()
                try verifySnapshots(
                    in: reader, report: &report, replayed: replay.snapshotDigests,
                    storedDigests: try storedSnapshotDigests.wait())
                report.snapshotSeconds = Date().timeIntervalSince(snapshotStart)
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func storedCheckpoints(_ txn: Transaction) throws -> [UInt64: SignedCheckpoint] {
        var out: [UInt64: SignedCheckpoint] = [:]
        try txn.withCursor(facade.checkpoints) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                if let size = BigEndianKey.decode(e.key) {
                    out[size] = try SignedCheckpoint(parsing: String(decoding: e.value, as: UTF8.self))
                }
                entry = try cursor.next()
            }
        }
        return out
    }
}

/// The per-record state of one audit pass.
struct AuditReplay {
    let checkpoints: [UInt64: SignedCheckpoint]
    let publicKey: LedgerPublicKey?
    let signatures: SignatureCheck
    let checkSignatures: Bool
    var accumulator = MerkleAccumulator()
    var rules = InMemoryRuleStateStore()
    var models = Replayer()
    /// What the parallel pass took at the stored snapshots' positions (nil: they are folded again).
    var snapshotDigests: SnapshotReplayDigests?
    var failedCheck: String?
    /// The rule (or signature) code and field of a `rules` or `member signature` failure.
    var failedRule: (code: RuleViolation.Code, field: String)?
    private let engine = RuleEngine()

    init(
        checkpoints: [UInt64: SignedCheckpoint], publicKey: LedgerPublicKey?, signatures: SignatureCheck,
        checkSignatures: Bool
    ) {
        self.checkpoints = checkpoints
        self.publicKey = publicKey
        self.signatures = signatures
        self.checkSignatures = checkSignatures
    }

    /// Hands the rebuilt rule state and read models to a background queue to be freed there:
    /// at 10^6 events freeing their millions of dictionary entries took a quarter of a second
    /// that the report waited for.
    mutating func freeScratchInBackground() {
        let scratch = ReleaseLater((rules, models))
        rules = InMemoryRuleStateStore()
        models = Replayer()
        scratch.release()
    }

    /// Checks one record whose chain link holds; returns why it fails, if it does.
    mutating func inspect(_ record: RecordView, report: inout AuditReport) throws -> String? {
        accumulator.append(leafHash: Merkle.leafHash(bytes: record.record))
        if let checkpoint = checkpoints[accumulator.size] {
            if let reason = checkCheckpoint(checkpoint) {
                failedCheck = "signed checkpoint"
                return reason
            }
            report.checkpointsVerified += 1
        }
        let event: DomainEvent
        do {
            event = try record.decodedEvent()
        } catch {
            failedCheck = "payload"
            return "the payload does not decode: \(error)"
        }
        let context = record.eventContext
        if checkSignatures || record.signature == nil {
            do {
                let verified = try signatures.check(
                    actor: context.actor, typeName: record.type, signature: record.signature.map { Array($0) },
                    signerKeyId: record.signerKeyId, signedBytes: { SignedContent.bytes(of: record) }, state: rules)
                if verified { report.signaturesVerified += 1 } else { report.unsignedEvents += 1 }
            } catch {
                failedCheck = "member signature"
                failedRule = (error.code, error.field)
                return "\(error.field): \(error.message)"
            }
        }
        do {
            try engine.apply(event, actor: context.actor, occurredOn: context.occurredOn, to: &rules)
            report.rulesChecked += 1
        } catch {
            failedCheck = "rules"
            failedRule = (error.code, error.field)
            return "\(error.field): \(error.message)"
        }
        do {
            try models.apply(event, context)
        } catch let overflow as RuleViolation {
            // History recorded before sums were checked: this event wrapped a published figure.
            failedCheck = "read-model figure"
            return "\(overflow.field): \(overflow.message)"
        }
        return nil
    }

    /// The per-record checks spread over threads: signatures and rules on `AuditRulesWorker`, the
    /// read-model folds on `ReplayPipeline`'s two workers; the chain, Merkle leaves, checkpoints and
    /// payload decoding stay on this one. Returns nil, with this replay's state unusable, when any
    /// check failed or threw: the caller then redoes the pass on one thread. Small ledgers (under
    /// two chunks) are left to it. The folds also take every read model's delta digest at
    /// `snapshotPositions` (the stored snapshots), so verifying them needs no second replay.
    mutating func inspectInParallel(
        _ reader: LogReader, report: inout AuditReport, snapshotPositions: [UInt64] = [],
        expectedRuleEntries: Int = 0, progress: ((UInt64) -> Void)?
    ) throws -> ChainReport? {
        guard try reader.count() >= 2 * AuditRulesWorker.chunkSize else { return nil }
        let worker = AuditRulesWorker(
            signatures: signatures, checkSignatures: checkSignatures, expectedRuleEntries: expectedRuleEntries)
        worker.start()
        defer { worker.finish() }  // the jobs point into this read transaction
        var folds = ReplayPipeline(expectedEvents: try reader.count(), deltasAt: snapshotPositions)
        var watermarks = SnapshotWatermarks(positions: snapshotPositions)
        var chunk: [AuditRulesWorker.Job] = []
        chunk.reserveCapacity(AuditRulesWorker.chunkSize)
        var failed = false
        var checkpointsVerified = 0
        // Locals, moved back at the end: the walk's closure may not capture `self`.
        var accumulator = self.accumulator
        let checkpoints = self.checkpoints
        let check = self
        let chain = try reader.verifyChain(progress: progress) { record in
            accumulator.append(leafHash: Merkle.leafHash(bytes: record.record))
            if let checkpoint = checkpoints[accumulator.size] {
                guard check.checkCheckpoint(checkpoint, root: accumulator.root, size: accumulator.size) == nil else {
                    failed = true
                    return "signed checkpoint"
                }
                checkpointsVerified += 1
            }
            guard let event = try? record.decodedEvent() else {
                failed = true
                return "payload"
            }
            let context = record.eventContext
            watermarks.record(sequence: context.sequence, day: context.occurredOn)
            folds.append(event, context)
            chunk.append(
                AuditRulesWorker.Job(event: event, record: record, actor: context.actor, occurredOn: context.occurredOn)
            )
            if chunk.count == AuditRulesWorker.chunkSize {
                guard worker.submit(chunk) else {
                    failed = true
                    return "rules"
                }
                chunk.removeAll(keepingCapacity: true)
            }
            return nil
        }
        // The folds are waited for even after a failure: their workers must be idle before we return.
        let models = try? folds.finish()
        guard !failed, chain.firstFailure == nil, worker.submit(chunk), worker.finish(), let models else { return nil }
        self.accumulator = accumulator
        self.models = models
        snapshotDigests = watermarks.result(digests: folds.deltaDigests)
        report.checkpointsVerified += checkpointsVerified
        report.signaturesVerified += worker.signaturesVerified
        report.unsignedEvents += worker.unsignedEvents
        report.rulesChecked += worker.rulesChecked
        rules = worker.rules
        return chain
    }

    /// A stored checkpoint must be signed by the ledger key and name the recomputed root at its size.
    func checkCheckpoint(_ signed: SignedCheckpoint) -> String? {
        checkCheckpoint(signed, root: accumulator.root, size: accumulator.size)
    }

    /// The same check against a tree head held elsewhere (the parallel walk's own accumulator).
    func checkCheckpoint(_ signed: SignedCheckpoint, root: Hash, size: UInt64) -> String? {
        guard let publicKey else { return "the ledger's public key (checkpoint.pub) is missing" }
        guard signed.verify(with: publicKey) else {
            return "the checkpoint at size \(signed.checkpoint.size) is not validly signed by the ledger key"
        }
        guard signed.checkpoint.root == root || signed.checkpoint.size != size else {
            return
                "the signed checkpoint at size \(signed.checkpoint.size) names root \(signed.checkpoint.root.hex), the records give \(root.hex)"
        }
        return nil
    }
}
