import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory built under a name that says it is unfinished (`DIR.export-incomplete-PID`,
/// `DIR.restore-incomplete-PID`) beside its target, and given the target's name in one
/// `rename` only when complete. A crash or kill leaves the unfinished name behind, never a
/// `DIR` that looks whole.
struct StagingDirectory: Sendable {
    let target: String
    let path: String

    /// The infix every staging directory's name carries (what clean-up scripts match).
    static let infix = "-incomplete-"

    /// Creates the staging directory (mode 0700 whatever the umask) for `target`, which must not
    /// exist at all — not even as an empty directory, which another user could have made and
    /// still own — and must not lie inside a ledger or inside `outside` (the ledger being
    /// exported, the snapshots being restored): see docs/HOSTILE-INPUT.md.
    init(target rawTarget: String, purpose: String, outside protected: [String] = []) throws {
        let target = rawTarget.hasSuffix("/") && rawTarget.count > 1 ? String(rawTarget.dropLast()) : rawTarget
        var existing = stat()
        if lstat(target, &existing) == 0 {
            throw LedgerError(
                .alreadyExists,
                "\(target) already exists; expected a new directory name, even an empty directory is refused (nothing was written)"
            )
        }
        try TargetPlacement.refuseInside(target: target, protected: protected)
        let parent = SnapshotPath.parent(of: target)
        if !parent.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw LedgerError(.io, "\(parent): cannot create the parent directory (\(error.localizedDescription))")
            }
        }
        self.target = target
        path = "\(target).\(purpose)\(Self.infix)\(getpid())"
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        guard mkdir(path, 0o700) == 0, chmod(path, 0o700) == 0 else {
            throw SnapshotFile.failure(path, errno: errno, doing: "cannot create the staging directory")
        }
    }

    func file(_ name: String) -> String { SnapshotPath.join(path, name) }

    /// Syncs the directory (and, with `syncingFiles`, every file in it first: writers that did
    /// not sync their files leave it to this), renames it to the target and syncs the parent, so
    /// the rename is durable and never names a directory whose files are not on disk.
    func publish(syncingFiles: Bool = false) throws {
        if syncingFiles { try Self.syncFiles(in: path) }
        Self.syncDirectory(path)
        guard rename(path, target) == 0 else {
            throw LedgerError(.io, "cannot rename \(path) to \(target): \(String(cString: strerror(errno)))")
        }
        let parent = SnapshotPath.parent(of: target)
        Self.syncDirectory(parent.isEmpty ? "." : parent)
    }

    /// Removes the unfinished directory after a failure.
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Syncs every file of `directory`. Writeback of all of them is started first, so the file
    /// system commits them together instead of one journal commit per file (a dozen small
    /// read-model files cost ~7 ms each when synced one by one as they are written).
    static func syncFiles(in directory: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var descriptors: [(String, Int32)] = []
        defer { for (_, fd) in descriptors { close(fd) } }
        for name in names {
            let file = SnapshotPath.join(directory, name)
            let fd = open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw SnapshotFileWriter.failure(file, "opening to sync") }
            descriptors.append((file, fd))
            #if os(Linux)
                // Starts writeback without waiting for it (Linux; elsewhere fsync alone does it).
                _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
            #endif
        }
        for (file, fd) in descriptors where fsync(fd) != 0 {
            throw SnapshotFileWriter.failure(file, "syncing")
        }
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
