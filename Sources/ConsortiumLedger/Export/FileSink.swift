import Crypto
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The second thread of a `SnapshotFileWriter`: hashes and writes the buffers handed to it, in
/// order, on its own serial queue.
///
/// `@unchecked Sendable`: everything but the semaphore is touched only on that serial queue.
final class FileSink: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    private let queue = DispatchQueue(label: "snapshot-file-sink")
    /// Buffers in flight: bounded, so memory stays flat however fast the caller formats.
    private let slots = DispatchSemaphore(value: 2)
    private var hasher = SHA256()
    private var written: UInt64 = 0
    private var failure: LedgerError?
    private var closed = false

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { if !closed { _ = posixClose(fd) } }

    /// Queues `chunk`; waits while two are still in flight. Reports an earlier write failure.
    func submit(_ chunk: [UInt8]) throws {
        slots.wait()
        if let failure = queue.sync(execute: { self.failure }) {
            slots.signal()
            throw failure
        }
        queue.async {
            defer { self.slots.signal() }
            guard self.failure == nil else { return }
            self.hasher.update(data: chunk)
            do {
                try self.writeAll(chunk)
                self.written += UInt64(chunk.count)
            } catch {
                self.failure = error as? LedgerError ?? LedgerError(.io, "\(self.path): \(error)")
            }
        }
    }

    /// Waits for every queued chunk, closes the file and returns its size and SHA-256 (hex).
    func close() throws -> (bytes: UInt64, sha256: String) {
        try queue.sync {
            closed = true
            let rc = posixClose(fd)
            if let failure { throw failure }
            guard rc == 0 else { throw SnapshotFileWriter.failure(path, "closing") }
            let digest = hasher.finalize().map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
            return (written, digest)
        }
    }

    private func writeAll(_ chunk: [UInt8]) throws {
        try chunk.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SnapshotFileWriter.failure(path, "writing")
                }
                offset += n
            }
        }
    }
}

/// `write(2)` and `close(2)`, named apart from the sink's own methods.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
    #else
        Darwin.write(fd, bytes, count)
    #endif
}

private func posixClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.close(fd)
    #else
        Darwin.close(fd)
    #endif
}
