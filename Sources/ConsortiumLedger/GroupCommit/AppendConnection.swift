import Domain
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client of the append service: reads request lines, submits each to the group commit
/// and writes the responses back in request order (a client may pipeline requests).
final class AppendConnection: Sendable {
    private struct Progress {
        var nextToWrite = 0
        /// Responses wait here until every earlier one is written.
        var ready: [Int: [UInt8]] = [:]
        var readerDone = false
        var outstanding = 0
    }

    private let fd: Int32
    private let queue: GroupCommitQueue
    private let progress = Locked(Progress())

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
        let closeNow = progress.withLock { p in
            p.readerDone = true
            return p.outstanding == 0
        }
        if closeNow { close(fd) }
    }

    private func begin() {
        progress.withLock { $0.outstanding += 1 }
    }

    private func respond(_ number: Int, _ bytes: [UInt8]) {
        progress.withLock { p in
            p.ready[number] = bytes
            while let next = p.ready.removeValue(forKey: p.nextToWrite) {
                _ = UnixSocket.writeAll(fd, next)
                p.nextToWrite += 1
            }
            finishOne(&p)
        }
    }

    private func abandon() {
        progress.withLock { p in
            shutdown(fd, Int32(SHUT_RDWR))
            finishOne(&p)
        }
    }

    /// Closes the descriptor once the reader has ended and no response is pending (lock held).
    private func finishOne(_ p: inout Progress) {
        p.outstanding -= 1
        if p.readerDone && p.outstanding == 0 { close(fd) }
    }
}
