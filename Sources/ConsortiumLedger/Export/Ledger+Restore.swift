import Audit
import Domain
import EventStore
import Foundation

extension Ledger {
    /// Rebuilds a ledger at `path` from a full export followed by its incrementals, in order.
    ///
    /// Nothing is created until every snapshot's files match their manifests and each checkpoint
    /// verifies. The ledger is rebuilt under `path.restore-incomplete-PID` with the original ledger
    /// id and each event's original recordedAt, so every record is byte-identical to the exported
    /// one: each restored hash is compared with `recorded.hash`, and after each snapshot the head
    /// hash and the Merkle root with its manifest and signed checkpoint. Then the chain is walked,
    /// the read models are recomputed and compared byte for byte with the exported files, a
    /// checkpoint is signed for the restored size, the full audit runs (`Ledger.audit`), and only
    /// then does the directory take its name.
    @discardableResult
    public static func restore(
        from snapshots: [String], to path: String, options: RestoreOptions = RestoreOptions()
    ) throws -> RestoreSummary {
        let start = Date()
        let trusted = try options.trustedPublicKeyPath.map { keyPath in
            do { return try LedgerPublicKey.load(from: keyPath) } catch {
                throw LedgerError(.invalidInput, "\(keyPath): not a public key file (\(error))")
            }
        }
        let verified = try SnapshotVerifier.verify(snapshots, trustedKey: trusted)
        guard let last = verified.last else { throw LedgerError(.invalidInput, "no snapshot given") }
        let originalKey = try options.signingKeyPath.map { keyPath in
            let key: LedgerSigningKey
            do { key = try LedgerSigningKey.load(from: keyPath) } catch {
                throw LedgerError(.invalidInput, "\(keyPath): \(error)")
            }
            guard key.publicKey == last.publicKey else {
                throw LedgerError(
                    .invalidInput,
                    "\(keyPath): key \(key.publicKey.verifierKey) did not sign the snapshot (\(last.publicKey.verifierKey))"
                )
            }
            return key
        }
        let staging = try StagingDirectory(target: path, purpose: "restore", outside: snapshots)
        do {
            var summary = try rebuild(from: verified, in: staging, originalKey: originalKey, options: options)
            try staging.publish()
            summary.path = staging.target
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Everything a restore does inside its staging directory; the ledger is closed on return.
    private static func rebuild(
        from snapshots: [VerifiedSnapshot], in staging: StagingDirectory, originalKey: LedgerSigningKey?,
        options: RestoreOptions
    ) throws -> RestoreSummary {
        let first = snapshots[0].manifest
        let ledger = try Ledger.create(
            path: staging.path, requireSignatures: first.requireSignatures, creator: "ledger restore",
            ledgerId: first.ledgerId)
        if let originalKey { try ledger.replaceSigningKey(with: originalKey) }
        guard ledger.store.genesisHash.hex == first.chain.previousHash else {
            throw LedgerError(
                .invalidInput,
                "\(snapshots[0].file(ExportManifest.fileName)): chain starts at \(first.chain.previousHash); "
                    + "expected the genesis hash of ledger \(first.ledgerId), \(ledger.store.genesisHash.hex)")
        }
        let total = snapshots.last?.manifest.sequences.last ?? 0
        var done: UInt64 = 0
        for snapshot in snapshots {
            try ledger.restoreEvents(of: snapshot, batchSize: options.batchSize) { count in
                done += count
                options.progress?(done, total)
            }
            try ledger.checkRestored(against: snapshot)
        }
        let chain = try ledger.verifyChain()
        if let failure = chain.firstFailure {
            throw LedgerError(.io, "the restored chain is broken at sequence \(failure.sequence): \(failure.reason)")
        }
        let matched = try ledger.compareReadModels(with: snapshots[snapshots.count - 1])
        let signed = try ledger.checkpoint()
        // Snapshots are derived data and not exported: rebuilt here, then verified by the audit.
        try ledger.writeSnapshots()
        let audit = try ledger.audit(progress: options.auditProgress)
        if let failure = audit.failure {
            let at = failure.sequence.map { "sequence \($0)" } ?? "the ledger"
            throw LedgerError(.io, "the restored ledger fails its audit at \(at): \(failure.check): \(failure.reason)")
        }
        try ledger.keepProvenance(of: snapshots[snapshots.count - 1])
        return RestoreSummary(
            path: staging.target, ledgerId: first.ledgerId, events: total, snapshots: snapshots.count,
            root: signed.checkpoint.root, checkpoint: signed, keptSigningKey: originalKey != nil,
            readModelFilesMatched: matched, audit: audit, seconds: 0)
    }

    /// Appends one snapshot's `events.jsonl` in durable batches, each event with its original
    /// recordedAt and signature, checking sequence, version and hash of every restored record.
    private func restoreEvents(of snapshot: VerifiedSnapshot, batchSize: Int, progress: (UInt64) -> Void) throws {
        let path = snapshot.file(SnapshotLayout.events)
        let data = try SnapshotFile.mapped(path)  // a regular file, never a link out of the snapshot
        let range = snapshot.manifest.sequences
        var next = range.first
        var batch = RestoreBatch(file: path)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            var line = 0
            while start < raw.count {
                line += 1
                var end = start
                while end < raw.count && raw[end] != 0x0A { end += 1 }
                let slice = UnsafeRawBufferPointer(rebasing: raw[start..<end])
                start = end + 1
                if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let location = ImportLocation(file: path, line: line)
                let event = try ExportedEvent.parse(slice, at: location)
                guard event.sequence == next, next <= range.last else {
                    throw LedgerError(
                        .invalidInput,
                        "\(location): recorded.sequence is \(event.sequence); expected \(next) (the manifest's range is \(range))"
                    )
                }
                next += 1
                batch.add(event, line: line)
                if batch.count >= batchSize { progress(try batch.flush(into: self)) }
            }
        }
        progress(try batch.flush(into: self))
        guard next == range.last + 1 else {
            throw LedgerError(
                .invalidInput, "\(path): holds events up to sequence \(next - 1); the manifest says \(range.last)")
        }
    }

    /// After a snapshot: the head hash is its manifest's and the Merkle root its signed checkpoint's.
    private func checkRestored(against snapshot: VerifiedSnapshot) throws {
        let (sequence, hash) = try store.read { try $0.head() }
        let manifest = snapshot.manifest
        guard sequence == manifest.sequences.last, hash.hex == manifest.chain.headHash else {
            throw LedgerError(
                .io,
                "after \(snapshot.directory) the restored head is \(sequence) \(hash.hex); "
                    + "expected \(manifest.sequences.last) \(manifest.chain.headHash) as its manifest says")
        }
        let (size, root) = try merkleRoot()
        let signed = snapshot.checkpoint.checkpoint
        guard size == signed.size, root == signed.root else {
            throw LedgerError(
                .io,
                "after \(snapshot.directory) the restored Merkle root is \(root.base64) at size \(size); "
                    + "the signed checkpoint says \(signed.root.base64) at size \(signed.size)")
        }
    }

    /// Recomputes the exported read-model files from the restored ledger (judged on the export's
    /// day) and compares their SHA-256 with the manifest: every tier query answers the same.
    private func compareReadModels(with snapshot: VerifiedSnapshot) throws -> Int {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("ledger-restore-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let models = snapshot.manifest.readModels
        guard let judgedOn = LocalDate(iso: models.judgedOn) else {
            throw LedgerError(
                .invalidInput,
                "\(snapshot.file(ExportManifest.fileName)): readModels.judgedOn is \(models.judgedOn); expected YYYY-MM-DD"
            )
        }
        try catchUp()
        let recomputed = try store.read { reader in
            try SnapshotReadModels.write(
                ledger: self, reader: reader, head: try reader.head().sequence, councilYears: models.councilYears,
                judgedOn: judgedOn, forceReplay: false, into: scratch
            ).files
        }
        for file in recomputed {
            guard let exported = snapshot.manifest.files.first(where: { $0.name == file.name }) else {
                // Exports written before the claims read model existed have no claims files.
                if file.name.hasPrefix("claims.") { continue }
                throw LedgerError(
                    .invalidInput,
                    "\(snapshot.file(ExportManifest.fileName)): lists no \(file.name); expected every read-model file")
            }
            guard exported.sha256 == file.sha256 else {
                throw LedgerError(
                    .io,
                    "\(snapshot.file(file.name)): the restored ledger answers differently (SHA-256 \(file.sha256), exported \(exported.sha256))"
                )
            }
        }
        return recomputed.count
    }

    /// Puts the original checkpoint key in place of the one `create` generated.
    private func replaceSigningKey(with key: LedgerSigningKey) throws {
        do {
            try FileManager.default.removeItem(atPath: signingKeyPath)
            try key.write(to: signingKeyPath)
            try key.publicKey.write(to: publicKeyPath)
        } catch {
            throw LedgerError(.io, "\(signingKeyPath): cannot install the original signing key (\(error))")
        }
    }

    /// Keeps the last snapshot's manifest, signed checkpoint and public key in `restored-from/`,
    /// so an auditor can tie the restored ledger to the export it came from.
    private func keepProvenance(of snapshot: VerifiedSnapshot) throws {
        let directory = SnapshotPath.join(path, "restored-from")
        do {
            // 0700 and 0600 whatever the umask: the ledger's own modes (see docs/HOSTILE-INPUT.md).
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST, chmod(directory, 0o700) == 0 else {
                throw SnapshotFile.failure(directory, errno: errno, doing: "cannot create")
            }
            for name in [
                ExportManifest.fileName, snapshot.manifest.checkpoint.file, snapshot.manifest.checkpoint.publicKeyFile,
            ] {
                try SnapshotFile.create(
                    SnapshotPath.join(directory, name), bytes: SnapshotFile.contents(snapshot.file(name)))
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(
                .io, "\(directory): cannot keep the snapshot's manifest and checkpoint (\(error.localizedDescription))")
        }
    }
}

/// Events of one restore transaction with the file lines they came from.
struct RestoreBatch {
    let file: String
    var events: [ExportedEvent] = []
    var lines: [Int] = []
    var count: Int { events.count }

    mutating func add(_ event: ExportedEvent, line: Int) {
        events.append(event)
        lines.append(line)
    }

    /// Appends the batch (rules, Merkle tree and read models as for any append) and checks that
    /// every record landed at its exported sequence and version with its exported hash.
    mutating func flush(into ledger: Ledger) throws -> UInt64 {
        guard let firstEvent = events.first, let lastEvent = events.last else { return 0 }
        let result: AppendResult
        do {
            result = try ledger.append(events.map(\.newEvent), domainEvents: events.map(\.domainEvent))
        } catch let error as LedgerError {
            throw LedgerError(
                error.code,
                "\(file): restoring sequences \(firstEvent.sequence)…\(lastEvent.sequence): \(error.message)")
        }
        for (index, event) in events.enumerated()
        where result.duplicates[index] || result.sequences[index] != event.sequence {
            throw LedgerError(
                .invalidInput,
                "\(file):\(lines[index]): event \(event.newEvent.id) was restored at sequence \(result.sequences[index]); "
                    + "expected \(event.sequence) (an id repeated in the export?)")
        }
        let batch = events
        let lines = self.lines
        let file = self.file
        try ledger.store.read { reader in
            var index = 0
            try reader.scan(from: firstEvent.sequence, through: lastEvent.sequence) { view in
                let expected = batch[index]
                guard view.hash == expected.hash, view.version == expected.version else {
                    throw LedgerError(
                        .io,
                        "\(file):\(lines[index]): sequence \(view.sequence) restored as version \(view.version) with hash "
                            + "\(view.hash.hex); the export recorded version \(expected.version) and hash \(expected.hash.hex)"
                    )
                }
                index += 1
                return true
            }
        }
        let count = UInt64(events.count)
        events.removeAll(keepingCapacity: true)
        self.lines.removeAll(keepingCapacity: true)
        return count
    }
}
