#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX file helpers for key material, kept apart so the key types stay about keys.
///
/// Files are born with their final mode (`O_CREAT | O_EXCL`, mode given to `open`), are
/// fully written and synced under a temporary name, then appear at the target name in one
/// step: `link` when an existing file must be kept, `rename` when it may be replaced.
enum KeyFile {
    static func publish(_ bytes: [UInt8], to path: String, mode: mode_t, replacing: Bool) throws(SigningKeyError) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path: temporary, "creating the file") }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let error = failure(path: temporary, "writing the file")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += result
        }
        guard fsync(fd) == 0 else {
            let error = failure(path: temporary, "syncing the file")
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        let published = replacing ? rename(temporary, path) : link(temporary, path)
        let publishError = published == 0 ? nil : failure(path: path, "publishing the file")
        if !replacing || published != 0 { unlink(temporary) }
        if let publishError { throw publishError }
        syncDirectory(of: path)
    }

    /// Reads a whole (small) file, returning its bytes and permission bits from the same descriptor.
    static func contents(of path: String, limit: Int = 64 * 1024) throws(SigningKeyError) -> (
        bytes: [UInt8], mode: mode_t
    ) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path: path, "opening the file") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path: path, "reading the file's status") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SigningKeyError(.malformedKey, path: path, "not a regular file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path: path, "reading the file")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= limit else {
                throw SigningKeyError(.malformedKey, path: path, "file is larger than \(limit) bytes")
            }
        }
        return (bytes, info.st_mode & 0o7777)
    }

    private static func syncDirectory(of path: String) {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func failure(path: String, _ action: String) -> SigningKeyError {
        let code = errno
        switch code {
        case EEXIST: return SigningKeyError(.fileExists, path: path, "\(action): refusing to overwrite", errno: code)
        case ENOENT: return SigningKeyError(.fileNotFound, path: path, action, errno: code)
        case EACCES, EPERM: return SigningKeyError(.permissionDenied, path: path, action, errno: code)
        default: return SigningKeyError(.ioFailure, path: path, action, errno: code)
        }
    }
}
