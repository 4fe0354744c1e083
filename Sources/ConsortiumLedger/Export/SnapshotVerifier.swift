import Audit
import Crypto
import Domain
import Foundation

/// A snapshot directory whose files all match its manifest, with its checkpoint verified.
struct VerifiedSnapshot: Sendable {
    let directory: String
    let manifest: ExportManifest
    /// SHA-256 of `manifest.json` as written (what the next incremental export chains to).
    let manifestSHA256: String
    let checkpoint: SignedCheckpoint
    let publicKey: LedgerPublicKey

    func file(_ name: String) -> String { SnapshotPath.join(directory, name) }
}

/// Checks snapshots before a restore touches anything: every listed file present with its
/// size and SHA-256, the checkpoint signed by the snapshot's (or a pinned) public key for
/// the manifest's size and root, and each incremental chained to the one before it.
enum SnapshotVerifier {
    static func verify(_ directories: [String], trustedKey: LedgerPublicKey?) throws -> [VerifiedSnapshot] {
        guard !directories.isEmpty else {
            throw LedgerError(.invalidInput, "no snapshot given; expected a full export followed by its incrementals")
        }
        var verified: [VerifiedSnapshot] = []
        for directory in directories {
            let snapshot = try verify(directory, trustedKey: trustedKey)
            try checkChain(snapshot, after: verified.last)
            verified.append(snapshot)
        }
        return verified
    }

    static func verify(_ path: String, trustedKey: LedgerPublicKey?) throws -> VerifiedSnapshot {
        let (manifest, bytes, directory) = try ExportManifest.load(from: path)
        let manifestPath = SnapshotPath.join(directory, ExportManifest.fileName)
        for required in [SnapshotLayout.events, manifest.checkpoint.file, manifest.checkpoint.publicKeyFile]
        where !manifest.files.contains(where: { $0.name == required }) {
            throw LedgerError(.invalidInput, "\(manifestPath): lists no \(required); expected every snapshot file")
        }
        for entry in manifest.files { try check(entry, in: directory) }

        let notePath = SnapshotPath.join(directory, manifest.checkpoint.file)
        let keyPath = SnapshotPath.join(directory, manifest.checkpoint.publicKeyFile)
        let exportedKey: LedgerPublicKey
        let checkpoint: SignedCheckpoint
        do {
            // Read through the same no-symlink, regular-file check as the hashes above.
            exportedKey = try LedgerPublicKey(fileContents: try SnapshotFile.contents(keyPath))
            checkpoint = try SignedCheckpoint(
                parsing: UTF8Check.decode(try SnapshotFile.contents(notePath), what: notePath).description)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.invalidInput, "\(notePath): not a signed checkpoint with its public key (\(error))")
        }
        if let trustedKey, trustedKey != exportedKey {
            throw LedgerError(
                .invalidInput,
                "\(keyPath): key \(exportedKey.verifierKey) is not the trusted key \(trustedKey.verifierKey)")
        }
        let head: Checkpoint
        do {
            head = try checkpoint.verifiedCheckpoint(with: trustedKey ?? exportedKey)
        } catch {
            throw LedgerError(.invalidInput, "\(notePath): \(error)")
        }
        let expectedOrigin = "consortium-ledger/\(manifest.ledgerId)"
        guard head.origin == expectedOrigin, head.size == manifest.sequences.last,
            head.root.base64 == manifest.checkpoint.root, head.size == manifest.checkpoint.size
        else {
            throw LedgerError(
                .invalidInput,
                "\(notePath): checkpoint \(head.origin) size \(head.size) root \(head.root.base64); expected "
                    + "\(expectedOrigin) size \(manifest.sequences.last) root \(manifest.checkpoint.root) as the manifest says"
            )
        }
        return VerifiedSnapshot(
            directory: directory, manifest: manifest, manifestSHA256: Hash.sha256(bytes).hex, checkpoint: checkpoint,
            publicKey: exportedKey)
    }

    /// A full export first, then incrementals that each continue the one before.
    private static func checkChain(_ snapshot: VerifiedSnapshot, after previous: VerifiedSnapshot?) throws {
        let manifest = snapshot.manifest
        let name = snapshot.file(ExportManifest.fileName)
        guard let previous else {
            guard manifest.kind == .full, manifest.sequences.first == 1 else {
                throw LedgerError(
                    .invalidInput,
                    "\(name): an incremental export (\(manifest.sequences)); expected a full export first, then its incrementals"
                )
            }
            return
        }
        let before = previous.manifest
        guard manifest.kind == .incremental, let link = manifest.previous else {
            throw LedgerError(.invalidInput, "\(name): a full export; only incrementals may follow the first snapshot")
        }
        guard manifest.ledgerId == before.ledgerId else {
            throw LedgerError(
                .invalidInput,
                "\(name): ledger \(manifest.ledgerId); expected \(before.ledgerId) like the snapshot before it")
        }
        guard link.manifestSHA256 == previous.manifestSHA256, manifest.sequences.first == before.sequences.last + 1,
            manifest.chain.previousHash == before.chain.headHash
        else {
            throw LedgerError(
                .invalidInput,
                "\(name): continues the export of \(link.sequences) with manifest SHA-256 \(link.manifestSHA256); "
                    + "expected it to continue \(previous.directory) (\(before.sequences), SHA-256 \(previous.manifestSHA256))"
            )
        }
    }

    /// Size first (a truncated file is named as such), then the SHA-256 of the whole file.
    private static func check(_ entry: ExportManifest.FileEntry, in directory: String) throws {
        let path = SnapshotPath.join(directory, entry.name)
        guard SnapshotPath.isPlainName(entry.name) else {
            throw LedgerError(
                .invalidInput, "\(directory)/\(ExportManifest.fileName): file name \(entry.name) is not a plain name")
        }
        let size: UInt64
        let digest: String
        do {
            // O_NOFOLLOW and fstat on the open descriptor: a symlink whose text happens to have the
            // listed size is refused, not followed out of the snapshot.
            (size, digest) = try SnapshotFile.sizeAndDigest(path)
        } catch let error as LedgerError where error.code == .notFound {
            throw LedgerError(.notFound, "\(path): missing; the manifest lists it (\(entry.bytes) bytes)")
        }
        guard size == entry.bytes else {
            throw LedgerError(
                .invalidInput,
                "\(path): \(size) bytes, the manifest says \(entry.bytes) (\(size < entry.bytes ? "truncated" : "altered"))"
            )
        }
        guard digest == entry.sha256 else {
            throw LedgerError(.invalidInput, "\(path): SHA-256 \(digest), the manifest says \(entry.sha256) (altered)")
        }
    }

    /// Streams the file through SHA-256 in 1 MiB reads.
    static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError(.io, "\(path): cannot open")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw LedgerError(.io, "\(path): cannot read (\(error.localizedDescription))")
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return Data(hasher.finalize()).map { String(format: "%02x", $0) }.joined()
    }
}
