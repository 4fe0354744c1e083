import Audit
import ConsortiumLedger
import Foundation
import LedgerClient

extension Mirror {
    /// Opens the mirror's ledger, or creates it (under a temporary name, renamed when complete)
    /// with the ledger id the checkpoint's origin names.
    func openOrCreate(for served: SignedCheckpoint) async throws -> Ledger {
        if let ledger { return ledger }
        let path = options.directory
        if FileManager.default.fileExists(atPath: path) {
            guard state.origin() != nil else {
                throw MirrorError(.notAMirror, "\(path) exists and is not a mirror (no mirror/origin)")
            }
            let opened = try Ledger(path: path)
            setLedger(opened)
            return opened
        }
        guard let ledgerId = Ledger.ledgerId(fromOrigin: served.checkpoint.origin), let key = primaryKeyValue else {
            throw MirrorError(.untrusted, "origin \(served.checkpoint.origin) is not a consortium ledger's")
        }
        let staging = path + ".mirror-incomplete-\(getpid())"
        // A first run killed before its rename left such a directory; it holds nothing verified.
        let parent = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".mirror-incomplete-"
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        where leftover.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: (parent.isEmpty ? "." : parent) + "/" + leftover)
        }
        do {
            let created = try Ledger.createReplica(path: staging, ledgerId: ledgerId, primaryKey: key)
            _ = created
            try MirrorState(directory: staging).writeOrigin(served.checkpoint.origin)
            try FileManager.default.moveItem(atPath: staging, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        let opened = try Ledger(path: path)
        setLedger(opened)
        return opened
    }

    /// Checks that `served` extends `known` (or, if smaller, that `known` extends it).
    func checkExtends(known: SignedCheckpoint, served: SignedCheckpoint) async throws {
        let old = known.checkpoint
        let new = served.checkpoint
        if old.size == new.size {
            guard old.root == new.root else {
                let folder = state.recordEvidence(
                    reason: "two checkpoints of size \(new.size) signed by the primary with different roots",
                    kind: .splitView, known: known, served: served, proof: nil)
                throw MirrorError(
                    .splitView,
                    "the primary signed size \(new.size) with root \(old.root.base64) before and \(new.root.base64) now",
                    sequence: new.size, evidence: folder)
            }
            return
        }
        let (small, large) = old.size < new.size ? (old, new) : (new, old)
        let text: String
        do {
            text = try await remote.get(
                "/v1/proofs/consistency", query: [("from", String(small.size)), ("to", String(large.size))])
        } catch {
            throw MirrorError(.unavailable, "GET consistency proof \(small.size)→\(large.size): \(error)")
        }
        let proof = try? ProofDocument(jsonData: Data(text.utf8)).consistency
        let holds =
            proof.map {
                $0.oldSize == small.size && $0.newSize == large.size
                    && $0.verify(oldRoot: small.root, newRoot: large.root)
            } ?? false
        guard holds else {
            let parted = try? await firstDifferingSequence(upTo: min(old.size, new.size))
            let folder = state.recordEvidence(
                reason: "the consistency proof from size \(small.size) to \(large.size) fails"
                    + (parted.map { "; the first record that differs from this mirror's copy is sequence \($0)" } ?? ""),
                kind: .rewrittenHistory, known: known, served: served, proof: text)
            throw MirrorError(
                .rewrittenHistory,
                "the primary's checkpoint of size \(new.size) does not extend the one of size \(old.size) this mirror holds",
                sequence: parted ?? small.size, evidence: folder)
        }
    }

    /// Copies records from `GET /v1/feed` (as a record stream) until the local log holds `size` of them, in
    /// batches of `batchSize` records, each verified and stored in one transaction.
    func copy(into ledger: Ledger, through size: UInt64, served: SignedCheckpoint) async throws -> UInt64 {
        let head = try ledger.eventCount()
        guard head < size else { return 0 }
        let source = remote.baseURL + "/v1/feed"
        let progress = self.progress
        let total = size - head
        let copied: UInt64
        do {
            // Batches are checked, folded and stored on the copier's threads while the next
            // ones arrive.
            let copier = try VerbatimCopier(ledger: ledger)
            do {
                copied = try await RecordStreamReader(remote: remote).read(
                    from: head + 1, to: size, batchSize: options.batchSize, growingTo: options.largestBatch
                ) { frames, _ in
                    try copier.submit(frames: frames)
                    progress?(copier.stored, total)
                }
            } catch {
                // No write of this run may outlast it: the next run starts from the stored head.
                copier.abandon()
                throw error
            }
            let stored = try copier.finish()
            progress?(stored, total)
            guard stored == copied else {
                throw LedgerError(.io, "\(copied) records received, \(stored) stored")
            }
        } catch let error as UnverifiedRecord {
            let known = try state.lastNote() ?? served
            let folder = state.recordEvidence(
                reason: "the record the primary served as sequence \(error.sequence) does not verify: \(error.reason)",
                kind: .rewrittenHistory, known: known, served: served, proof: nil)
            throw MirrorError(
                .rewrittenHistory, "a record the primary served does not verify: \(error.reason)",
                sequence: error.sequence, evidence: folder)
        } catch let error as LedgerError {
            throw MirrorError(.untrusted, "\(source): \(error)")
        } catch {
            throw MirrorError(.unavailable, "\(source): \(error)")
        }
        guard try ledger.eventCount() >= size else {
            throw MirrorError(
                .unavailable, "\(source) ended at \(try ledger.eventCount()) records; the checkpoint has \(size)")
        }
        return copied
    }

    /// Reads the primary's records from 1 comparing each, byte for byte, with the local copy.
    func firstDifferingSequence(upTo size: UInt64) async throws -> UInt64? {
        guard let ledger, size > 0 else { return nil }
        var next: UInt64 = 1
        var parted: UInt64?
        _ = try await RecordStreamReader(remote: remote).read(from: 1, to: size, batchSize: 10_000) { frames, count in
            if parted == nil {
                parted = try frames.withUnsafeBytes { try ledger.firstDifference(frames: $0, from: next) }
            }
            next += UInt64(count)
        }
        return parted
    }
}
