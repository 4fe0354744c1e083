import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an export or restore may put its new directory (see docs/HOSTILE-INPUT.md).
///
/// Why: a snapshot written inside the ledger directory is copied by every later backup of that
/// directory and can be mistaken for part of it; a ledger restored into a snapshot (or into
/// another ledger) mixes files that must stay apart. Paths are compared after resolving
/// symlinks of the parts that exist, so `ledger/../ledger/x` or a link to the ledger is caught.
enum TargetPlacement {
    /// Throws when `target` is inside (or is) a protected directory or any ledger directory.
    static func refuseInside(target: String, protected: [String]) throws {
        let resolved = resolve(target)
        for directory in protected {
            let root = resolve(directory)
            if resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
                throw LedgerError(
                    .invalidInput,
                    "\(target) is inside \(directory); expected a directory outside it (nothing was written)")
            }
        }
        var ancestor = SnapshotPath.parent(of: resolved)
        while true {
            if access(SnapshotPath.join(ancestor, "data.mdb"), F_OK) == 0 {
                throw LedgerError(
                    .invalidInput,
                    "\(target) is inside the ledger directory \(ancestor); expected a directory outside any ledger (nothing was written)"
                )
            }
            let next = SnapshotPath.parent(of: ancestor)
            if next == ancestor || ancestor == "." { break }
            ancestor = next
        }
    }

    /// The absolute path with every existing component's symlinks resolved; the components that
    /// do not exist yet are appended as written.
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : SnapshotPath.join(FileManager.default.currentDirectoryPath, path)
        var existing = absolute
        var missing: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                var result = String(cString: real)
                for name in missing.reversed() where name != "." {
                    result = name == ".." ? SnapshotPath.parent(of: result) : SnapshotPath.join(result, name)
                }
                return result
            }
            let parent = SnapshotPath.parent(of: existing)
            guard parent != existing else { return absolute }
            missing.append(String(existing.dropFirst(parent == "/" ? 1 : parent.count + 1)))
            existing = parent
        }
    }
}
