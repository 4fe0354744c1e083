import Foundation

/// How `ledger serve --http` listens (see docs/SERVICE.md, Server).
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the system for a free port (tests); the bound one is reported once listening.
    public var port: Int
    /// PEM certificate chain and private key; both or neither.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Allows plain HTTP on an address other than loopback.
    public var allowInsecureHTTP: Bool
    /// Larger request bodies are refused with 413 before they are read.
    public var maxBodyBytes: Int
    /// A connection on which no request part arrives for this long is closed: an unfinished
    /// request head (slowloris), a stalled body, an idle keep-alive connection. An answer being
    /// written (a live feed, a slow commit) is never cut by it. See docs/SERVICE.md, Server.
    public var idleTimeoutSeconds: Double
    /// How often an SSE follower with nothing new re-reads the log anyway. Commits of the
    /// server's own group commit (HTTP and Unix-socket appends) wake followers at once; the
    /// re-read finds events written past it (a direct `ledger import`). Tests set it long.
    /// After answering a request it refuses while the body is still arriving, the server shuts
    /// its sending side and reads (and discards) what still comes for at most `lingerSeconds`
    /// and `lingerBytes` (default: the body limit and 1 MiB more, so a client that sends a whole
    /// body the server could have taken, before it reads, still gets the answer) before
    /// closing: the client reads the answer instead of a reset. See docs/SERVICE.md, Server.
    public var lingerSeconds: Double = 5
    public var lingerBytes: Int?
    public var feedRecheckSeconds: Double = ServerConfiguration.defaultFeedRecheckSeconds

    public static let defaultMaxBodyBytes = 16 * 1024 * 1024
    public static let defaultIdleTimeoutSeconds = 30.0
    public static let defaultFeedRecheckSeconds = 0.5

    public init(
        host: String, port: Int, tlsCertificatePath: String? = nil, tlsKeyPath: String? = nil,
        allowInsecureHTTP: Bool = false, maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes,
        idleTimeoutSeconds: Double = ServerConfiguration.defaultIdleTimeoutSeconds
    ) {
        self.host = host
        self.port = port
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.allowInsecureHTTP = allowInsecureHTTP
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// Parses `HOST:PORT` (`[::1]:8443` for IPv6).
    public init(address: String) throws {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw ServerConfigurationError("--http: expected HOST:PORT, e.g. 127.0.0.1:8080, got \"\(address)\"")
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ServerConfigurationError("--http: the host is missing in \"\(address)\"") }
        self.init(host: host, port: port)
    }

    /// Whether the address only accepts connections from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var usesTLS: Bool { tlsCertificatePath != nil }

    /// Refuses plain HTTP beyond loopback (tokens would cross the network in clear) unless
    /// explicitly allowed, and a certificate without its key.
    public func validate() throws {
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            throw ServerConfigurationError("--tls-cert and --tls-key go together; give both or neither")
        }
        if !usesTLS, !isLoopback, !allowInsecureHTTP {
            throw ServerConfigurationError(
                "refusing plain HTTP on \(host), which is not loopback: bearer tokens would cross the network in clear. "
                    + "Give --tls-cert and --tls-key, or --insecure-http behind a TLS-terminating proxy")
        }
    }
}

/// A `--http` setting that cannot be used, with what to change.
public struct ServerConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
