import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client of the append service: reads request lines, submits each to the group commit
/// and writes the responses back in request order (a client may pipeline requests).
final class AppendConnection: @unchecked Sendable {
    private let fd: Int32
    private let queue: GroupCommitQueue
    /// Guards the fields below; responses wait here until every earlier one is written.
    private let lock = NSLock()
    private var nextToWrite = 0
    private var ready: [Int: [UInt8]] = [:]
    private var readerDone = false
    private var outstanding = 0

    init(fd: Int32, queue: GroupCommitQueue) {
        self.fd = fd
        self.queue = queue
    }

    func serve() {
        var reader = LineReader(fd: fd)
        var index = 0
        while let line = reader.next() {
            let number = index
            index += 1
            begin()
            do {
                let request = try AppendWire.decodeRequest(line)
                queue.submit(request) { outcome in
                    if case .failure(let error) = outcome, error is GroupCommitQueue.Closed {
                        // Shutting down: say nothing, so the client re-sends it on the direct path.
                        self.abandon()
                    } else {
                        self.respond(number, AppendWire.encode(outcome))
                    }
                }
            } catch {
                respond(number, AppendWire.encode(.failure(error)))
            }
        }
        lock.lock()
        readerDone = true
        let closeNow = outstanding == 0
        lock.unlock()
        if closeNow { close(fd) }
    }

    private func begin() {
        lock.lock()
        outstanding += 1
        lock.unlock()
    }

    private func respond(_ number: Int, _ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        ready[number] = bytes
        while let next = ready.removeValue(forKey: nextToWrite) {
            _ = UnixSocket.writeAll(fd, next)
            nextToWrite += 1
        }
        finishOne()
    }

    private func abandon() {
        lock.lock()
        defer { lock.unlock() }
        shutdown(fd, Int32(SHUT_RDWR))
        finishOne()
    }

    /// Closes the descriptor once the reader has ended and no response is pending (lock held).
    private func finishOne() {
        outstanding -= 1
        if readerDone && outstanding == 0 { close(fd) }
    }
}
