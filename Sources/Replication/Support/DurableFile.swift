import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash-safe small files: written and synced under a temporary name, renamed over the
/// target, then the directory synced, so after a crash the file holds the old or the new
/// contents, never a mix. Witness state and evidence rely on this.
enum DurableFile {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let action: String
        let errno: Int32
        var description: String { "\(path): \(action): \(String(cString: strerror(errno))) (errno \(errno))" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: temporary, action: "creating", errno: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let failure = Failure(path: temporary, action: "writing", errno: errno)
                close(fd)
                unlink(temporary)
                throw failure
            }
            written += result
        }
        guard fsync(fd) == 0 else {
            let failure = Failure(path: temporary, action: "syncing", errno: errno)
            close(fd)
            unlink(temporary)
            throw failure
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let failure = Failure(path: path, action: "renaming into place", errno: errno)
            unlink(temporary)
            throw failure
        }
        try syncDirectory((path as NSString).deletingLastPathComponent)
    }

    static func syncDirectory(_ directory: String) throws {
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: directory, action: "opening the directory", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(path: directory, action: "syncing the directory", errno: errno) }
    }

    /// Creates `path` (and parents) if missing and syncs its parent so the entry survives a crash.
    static func makeDirectory(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try syncDirectory((path as NSString).deletingLastPathComponent)
    }

    private static func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #elseif canImport(Darwin)
            Darwin.write(fd, buffer, count)
        #else
            Musl.write(fd, buffer, count)
        #endif
    }

    /// A file-name-safe label for an origin: readable, plus a hash suffix so distinct origins
    /// never share a name.
    static func label(_ text: String) -> String {
        let readable = String(
            text.unicodeScalars.prefix(60).map { scalar -> Character in
                let ok =
                    scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                return ok ? Character(scalar) : "_"
            })
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs and platforms
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return readable + "-" + String(hash, radix: 16)
    }
}
