import Crypto
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one snapshot file through a fixed buffer, hashing as it goes, so a ten-million-event
/// `events.jsonl` costs a few megabytes of memory, not its size, and is never read back to be hashed.
///
/// Full buffers are hashed and written on a second thread while the caller fills the next one
/// (at most two in flight), so formatting overlaps SHA-256 and `write(2)` on a two-core machine.
/// The file is not synced here: `StagingDirectory.publish(syncingFiles:)` syncs every file at
/// once before the snapshot gets its name. Not Sendable: one export owns it for one file.
final class SnapshotFileWriter {
    let path: String
    let name: String
    private let sink: FileSink
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20

    /// Creates `name` in `directory`; the file must not exist yet (snapshot directories are fresh).
    init(directory: String, name: String) throws {
        self.name = name
        path = SnapshotPath.join(directory, name)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SnapshotFileWriter.failure(path, "creating the file") }
        sink = FileSink(fd: fd, path: path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends bytes, handing the buffer on when it is full.
    func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Lends the buffer to a serializer that appends in place (no intermediate String per line).
    func append(_ body: (inout [UInt8]) throws -> Void) throws {
        try body(&buffer)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Hands a buffer of whole lines to the file as it is (after what is buffered), without copying.
    func submit(_ chunk: [UInt8]) throws {
        try flush()
        guard !chunk.isEmpty else { return }
        try sink.submit(chunk)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        var full: [UInt8] = []
        full.reserveCapacity(Self.bufferSize + Self.bufferSize / 4)
        swap(&full, &buffer)
        try sink.submit(full)
    }

    /// Writes what is buffered and closes; returns the manifest entry (size and SHA-256 of what was written).
    func finish() throws -> ExportManifest.FileEntry {
        try flush()
        let (bytes, digest) = try sink.close()
        return ExportManifest.FileEntry(name: name, bytes: bytes, sha256: digest)
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
