import Audit
import Domain
import EventStore
import Foundation
import LMDB

extension Ledger {
    /// Exports a snapshot of the ledger to `directory` (which must not exist yet): every event
    /// (or, with `options.since`, those after a previous export) as `events.jsonl`, each tier read
    /// model as JSON and CSV, a checkpoint signed for exactly the exported size with its public
    /// key, and `manifest.json` naming every file with its size and SHA-256.
    ///
    /// Everything is read in ONE LMDB read transaction, so the files describe one consistent
    /// point while other processes go on appending. Files are written under
    /// `DIR.export-incomplete-PID` and the directory is renamed to `directory` only after the
    /// manifest is in it: a killed export never leaves a snapshot that looks complete.
    @discardableResult
    public func export(to directory: String, options: ExportOptions = ExportOptions()) throws -> ExportSummary {
        let start = Date()
        let previous = try options.since.map { try ExportManifest.load(from: $0) }
        if let previous, previous.manifest.ledgerId != store.ledgerId {
            throw LedgerError(
                .invalidInput,
                "\(previous.directory)/\(ExportManifest.fileName) is an export of ledger \(previous.manifest.ledgerId), "
                    + "expected one of this ledger (\(store.ledgerId))")
        }
        let key: SnapshotSigner
        do {
            // A mirror has no key of its own: it ships the primary's checkpoint for the exported size.
            key =
                FileManager.default.fileExists(atPath: signingKeyPath)
                    || !FileManager.default.fileExists(atPath: publicKeyPath)
                ? .key(try LedgerSigningKey.load(from: signingKeyPath)) : .replica(try publicKey())
        } catch {
            throw LedgerError(.io, "cannot sign the snapshot's checkpoint: \(error)")
        }
        let staging = try StagingDirectory(target: directory, purpose: "export", outside: [path])
        do {
            let manifest = try store.read { reader in
                try writeSnapshot(reader: reader, into: staging, previous: previous, key: key, options: options)
            }
            _ = try SnapshotFileWriter.write(manifest.jsonData(), named: ExportManifest.fileName, in: staging.path)
            try staging.publish(syncingFiles: true)
            return ExportSummary(
                directory: staging.target, manifest: manifest, seconds: Date().timeIntervalSince(start))
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Everything but the manifest, inside the snapshot's read transaction.
    private func writeSnapshot(
        reader: LogReader, into staging: StagingDirectory,
        previous: (manifest: ExportManifest, bytes: Data, directory: String)?,
        key: SnapshotSigner, options: ExportOptions
    ) throws -> ExportManifest {
        let (head, headHash) = try reader.head()
        let accumulator = try MerkleState.load(reader.transaction, facade)
        guard accumulator.size == head else {
            throw LedgerError(
                .io, "the Merkle tree covers \(accumulator.size) records but the log holds \(head); run `ledger audit`"
            )
        }
        let first = previous.map { $0.manifest.sequences.last + 1 } ?? 1
        let chainStart = try chainHash(before: first, head: head, reader: reader, previous: previous)

        let events = EventsFile(
            writer: try SnapshotFileWriter(directory: staging.path, name: SnapshotLayout.events),
            years: Set(previous?.manifest.readModels.councilYears ?? []))
        try events.write(reader: reader, range: first...max(first, head), head: head, progress: options.progress)
        let eventsEntry = try events.writer.finish()

        let signed = try key.note(
            for: try Checkpoint(origin: checkpointOrigin, size: head, root: accumulator.root),
            stored: try reader.transaction.get(facade.checkpoints, BigEndianKey(head)).map { Array($0) })
        let noteEntry = try SnapshotFileWriter.write(
            Array(signed.serialized.utf8), named: SnapshotLayout.checkpoint, in: staging.path)
        let keyEntry = try SnapshotFileWriter.write(
            try key.publicKey.jsonData(), named: SnapshotLayout.publicKey, in: staging.path)

        let years = events.years.sorted()
        let (source, modelFiles) = try SnapshotReadModels.write(
            ledger: self, reader: reader, head: head, councilYears: years, judgedOn: options.judgedOn,
            forceReplay: options.readModels == .replay, into: staging.path)

        return ExportManifest(
            format: ExportManifest.formatName, formatVersion: ExportManifest.currentFormatVersion,
            toolVersion: LedgerVersion.current,
            createdAt: Timestamp(millisecondsSinceEpoch: currentMilliseconds()).description,
            ledgerId: store.ledgerId, requireSignatures: requiresSignatures,
            kind: previous == nil ? .full : .incremental,
            sequences: .init(first: first, last: head),
            chain: .init(previousHash: chainStart.hex, headHash: headHash.hex),
            eventsByType: events.counts,
            previous: previous.map {
                .init(
                    manifestSHA256: Hash.sha256($0.bytes).hex, sequences: $0.manifest.sequences,
                    createdAt: $0.manifest.createdAt)
            },
            checkpoint: .init(
                file: SnapshotLayout.checkpoint, publicKeyFile: SnapshotLayout.publicKey, origin: checkpointOrigin,
                size: head, root: accumulator.root.base64, keyName: key.publicKey.name,
                keyId: key.publicKey.noteKeyIdHex),
            readModels: .init(source: source.rawValue, judgedOn: options.judgedOn.description, councilYears: years),
            files: [eventsEntry, noteEntry, keyEntry] + modelFiles)
    }

    /// The chain hash of the record before `first` (genesis for a full export); for an incremental
    /// export it must equal the previous export's head hash, or this is not the history it continues.
    private func chainHash(
        before first: UInt64, head: UInt64, reader: LogReader,
        previous: (manifest: ExportManifest, bytes: Data, directory: String)?
    ) throws -> Hash {
        guard first > 1 else { return store.genesisHash }
        guard first - 1 <= head, let record = try reader.event(sequence: first - 1) else {
            throw LedgerError(
                .invalidInput,
                "the previous export ends at sequence \(first - 1) but this ledger holds only \(head) events; "
                    + "expected a manifest of an earlier export of this ledger")
        }
        if let previous, record.hash.hex != previous.manifest.chain.headHash {
            throw LedgerError(
                .invalidInput,
                "\(previous.directory)/\(ExportManifest.fileName): head hash \(previous.manifest.chain.headHash) at "
                    + "sequence \(first - 1), but this ledger has \(record.hash.hex) there; the export is of another history"
            )
        }
        return record.hash
    }
}

/// The fixed file names of a snapshot (read models add `council-YEAR`, `committee`, `project`, `claims`).
enum SnapshotLayout {
    static let events = "events.jsonl"
    static let checkpoint = "checkpoint.note"
    static let publicKey = "checkpoint.pub"
}
