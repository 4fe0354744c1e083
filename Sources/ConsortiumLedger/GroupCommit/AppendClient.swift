import EventStore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to a running `ledger serve`. Requests may be pipelined: `send` several, then
/// `receive` their outcomes in the same order.
///
/// A batch whose response never came (the server died or shut down) may or may not be
/// recorded: re-send it on the direct path with the same ids and signatures — an id with the
/// same content is recorded once — which `AppendRoute` does.
public final class AppendClient {
    /// The server closed the connection before answering.
    public struct ConnectionLost: Error, CustomStringConvertible {
        public var description: String { "the ledger server closed the connection before answering" }
    }

    private let fd: Int32
    private var reader: LineReader

    /// Connects to the server of the ledger at `ledgerPath`; nil when none is running there
    /// (no socket, or a stale socket file left by a server that died).
    public static func connect(ledgerPath: String) throws -> AppendClient? {
        try UnixSocket.connection(to: AppendServer.socketPath(ledgerPath: ledgerPath)).map(AppendClient.init(fd:))
    }

    private init(fd: Int32) {
        self.fd = fd
        reader = LineReader(fd: fd)
    }

    deinit { close(fd) }

    /// Sends one batch (each event as the JSON text it was parsed from, with its fixed id).
    public func send(_ batch: [(json: String, prepared: PreparedLine)]) throws {
        guard UnixSocket.writeAll(fd, AppendWire.encode(batch)) else { throw ConnectionLost() }
    }

    /// The outcome of the oldest batch sent and not yet received.
    public func receive() throws -> Result<AppendResult, any Error> {
        guard let line = reader.next() else { throw ConnectionLost() }
        do {
            return try AppendWire.decodeResponse(line)
        } catch {
            throw ConnectionLost()
        }
    }
}
