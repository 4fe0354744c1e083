import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one snapshot file through a fixed buffer, hashing as it goes, so a ten-million-event
/// `events.jsonl` costs a megabyte of memory, not its size, and is never read back to be hashed.
///
/// Not Sendable: one export owns it for the length of one file.
final class SnapshotFileWriter {
    let path: String
    let name: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var bytesWritten: UInt64 = 0
    private static let bufferSize = 1 << 20

    /// Creates `name` in `directory`; the file must not exist yet (snapshot directories are fresh).
    init(directory: String, name: String) throws {
        self.name = name
        path = SnapshotPath.join(directory, name)
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SnapshotFileWriter.failure(path, "creating the file") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends bytes, flushing to the file when the buffer is full.
    func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Lends the buffer to a serializer that appends in place (no intermediate String per line).
    func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SnapshotFileWriter.failure(path, "writing")
            }
            offset += written
        }
        bytesWritten += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes; returns the manifest entry (size and SHA-256 of what was written).
    func finish() throws -> ExportManifest.FileEntry {
        try flush()
        guard fsync(fd) == 0 else { throw SnapshotFileWriter.failure(path, "syncing") }
        let entry = ExportManifest.FileEntry(
            name: name, bytes: bytesWritten, sha256: Data(hasher.finalize()).map { String(format: "%02x", $0) }.joined()
        )
        return entry
    }

    /// Writes a small file whole.
    static func write(_ bytes: some Collection<UInt8>, named name: String, in directory: String) throws
        -> ExportManifest.FileEntry
    {
        let writer = try SnapshotFileWriter(directory: directory, name: name)
        try writer.write(bytes)
        return try writer.finish()
    }

    static func failure(_ path: String, _ doing: String) -> LedgerError {
        LedgerError(.io, "\(path): \(doing) failed: \(String(cString: strerror(errno)))")
    }
}

/// `write(2)`, named apart from the writer's own `write` methods.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
    #else
        Darwin.write(fd, bytes, count)
    #endif
}
