import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a snapshot's files as what they claim to be: regular files inside the snapshot
/// (see docs/HOSTILE-INPUT.md).
///
/// Why: a snapshot is input, possibly prepared by someone else. Restore once followed a symlink
/// inside a snapshot whose link text happened to be as long as the manifest said, and read a
/// file outside it. Every snapshot file is opened with `O_NOFOLLOW` and checked with `fstat`
/// on the open descriptor, so what is verified is exactly what is read.
enum SnapshotFile {
    /// An open, verified regular file; closed by ``closeFile()``.
    struct Opened {
        let path: String
        let fd: Int32
        let size: Int

        func closeFile() { _ = close(fd) }
    }

    /// Opens `path` read-only without following a final symlink and refuses anything that is
    /// not a regular file (a symlink, a FIFO that would block, a device, a directory).
    static func openRegular(_ path: String) throws -> Opened {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(path, errno: errno, doing: "cannot open") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = close(fd)
            throw failure(path, errno: code, doing: "cannot inspect")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            _ = close(fd)
            throw LedgerError(
                .invalidInput,
                "\(path): not a regular file (\(kind(info.st_mode))); a snapshot holds only regular files")
        }
        return Opened(path: path, fd: fd, size: Int(info.st_size))
    }

    /// The whole file.
    static func contents(_ path: String) throws -> Data {
        let file = try openRegular(path)
        defer { file.closeFile() }
        var data = Data(count: file.size)
        var done = 0
        try data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            while done < file.size {
                let n = read(file.fd, base + done, file.size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(path, errno: n < 0 ? errno : EIO, doing: "cannot read") }
                done += n
            }
        }
        return data
    }

    /// The whole file mapped read-only (events files can be gigabytes); unmapped with the `Data`.
    static func mapped(_ path: String) throws -> Data {
        let file = try openRegular(path)
        defer { file.closeFile() }
        guard file.size > 0 else { return Data() }
        guard let base = mmap(nil, file.size, PROT_READ, MAP_PRIVATE, file.fd, 0), base != MAP_FAILED else {
            throw failure(path, errno: errno, doing: "cannot map")
        }
        let size = file.size
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, _ in _ = munmap(pointer, size) })
    }

    /// Size and SHA-256 (hex) of the file, read through the same verified descriptor.
    static func sizeAndDigest(_ path: String) throws -> (size: UInt64, sha256: String) {
        let file = try openRegular(path)
        defer { file.closeFile() }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(file.fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failure(path, errno: errno, doing: "cannot read") }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return (UInt64(file.size), Data(hasher.finalize()).map { String(format: "%02x", $0) }.joined())
    }

    /// Writes `bytes` to a new file of mode 0600 whatever the umask (`O_EXCL`: never over another).
    static func create(_ path: String, bytes: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(path, errno: errno, doing: "cannot create") }
        defer { _ = close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw failure(path, errno: errno, doing: "cannot set mode 0600 on") }
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = write(fd, base + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(path, errno: errno, doing: "cannot write") }
                done += n
            }
        }
        guard fsync(fd) == 0 else { throw failure(path, errno: errno, doing: "cannot sync") }
    }

    /// A permission problem is named as one; a missing file as missing; anything else with its cause.
    static func failure(_ path: String, errno code: Int32, doing: String) -> LedgerError {
        switch code {
        case EACCES, EPERM:
            return LedgerError(.io, "\(path): permission denied (\(doing) it as this user; check its owner and mode)")
        case ELOOP:
            return LedgerError(
                .invalidInput, "\(path): a symbolic link; a snapshot holds only regular files, links are not followed")
        case ENOENT:
            return LedgerError(.notFound, "\(path): missing")
        default:
            return LedgerError(.io, "\(path): \(doing) it (\(String(cString: strerror(code))))")
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
