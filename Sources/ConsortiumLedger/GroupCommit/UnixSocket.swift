import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few Unix-domain stream socket calls the append service needs, over raw descriptors.
enum UnixSocket {
    /// Binds and listens at `path`, readable and writable by the owner only (mode 0600).
    static func listening(at path: String) throws -> Int32 {
        let fd = try open()
        // Created 0600 from the start: no moment where another user could connect.
        let oldMask = umask(0o177)
        defer { umask(oldMask) }
        let bound = try withAddress(path) { bind(fd, $0, $1) }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw LedgerError(.io, "cannot listen on \(path): \(String(cString: strerror(code)))")
        }
        return fd
    }

    /// A connection to a listening socket at `path`, or nil when nothing listens there
    /// (no socket file, or a stale one left by a server that died).
    static func connection(to path: String) throws -> Int32? {
        let fd = try open()
        let rc = try withAddress(path) { connect(fd, $0, $1) }
        if rc == 0 { return fd }
        close(fd)
        return nil
    }

    /// Writes all of `bytes`; false when the peer has gone.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    private static func open() throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LedgerError(.io, "socket(AF_UNIX): \(String(cString: strerror(errno)))") }
        return fd
    }

    private static func withAddress(
        _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
    ) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw LedgerError(
                .io, "the socket path \(path) is longer than \(capacity - 1) bytes; use a shorter ledger path")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
}

/// Reads newline-terminated lines from a descriptor, buffering what arrived past a newline.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Reused for every read: allocating (and zeroing) 64 KiB per read showed in profiles.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init(fd: Int32) {
        self.fd = fd
    }

    /// The next line without its newline; nil at end of stream (or on a read error).
    mutating func next() -> [UInt8]? {
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if start == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                } else if start > 1 << 16 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            searched = buffer.count
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[..<n])
        }
    }
}
