import Foundation
import NIOSSL
import PostgresNIO

/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`, the
/// libpq URL form. Without `sslmode`, loopback hosts connect in plain text and others prefer TLS.
public struct PostgresURL: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: String

    public init(_ text: String) throws {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme,
            scheme == "postgresql" || scheme == "postgres"
        else {
            throw SinkError(.invalidSetup, "--url \(text): expected postgresql://USER@HOST:PORT/DATABASE")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw SinkError(.invalidSetup, "--url \(text): expected a host (postgresql://USER@HOST:PORT/DATABASE)")
        }
        self.host = host
        port = parts.port ?? 5432
        user = parts.user?.removingPercentEncoding ?? "postgres"
        password = parts.password?.removingPercentEncoding
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? user : path
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        sslMode = parts.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? (loopback ? "disable" : "prefer")
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw SinkError(.invalidSetup, "--url: sslmode=\(sslMode): expected disable, prefer or require")
        }
    }

    /// The same server with another database (tests and the benchmark make their own).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// host:port/database, never the password.
    public var description: String { "\(host):\(port)/\(database)" }

    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
