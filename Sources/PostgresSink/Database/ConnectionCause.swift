import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Why a connection failed, in the few words an operator needs ("connection refused",
/// "connection reset by peer", "no answer within 10 s") rather than the driver's nested error
/// values: the sink prints one line per retry, and that line must stay readable.
enum ConnectionCause {
    static func of(_ error: any Error) -> String {
        switch error {
        case let psql as PSQLError:
            if let underlying = psql.underlying { return of(underlying) }
            switch psql.code {
            case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
            case .connectionError: return "the connection failed"
            default: return "\(psql.code)"
            }
        case let connection as NIOConnectionError:
            if let failure = connection.connectionErrors.first { return of(failure.error) }
            if let dns = connection.dnsAError ?? connection.dnsAAAAError {
                return "cannot resolve the host (\(of(dns)))"
            }
            return "cannot connect"
        case let io as IOError:
            return String(cString: strerror(io.errnoCode)).lowercased()
        case let channel as ChannelError:
            switch channel {
            case .connectTimeout(let amount): return "no answer within \(amount.nanoseconds / 1_000_000_000) s"
            case .ioOnClosedChannel, .alreadyClosed, .eof, .inputClosed, .outputClosed:
                return "the connection closed"
            default: return "\(channel)"
            }
        default:
            return "\(error)"
        }
    }
}
