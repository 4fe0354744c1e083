import ConsortiumLedger
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// `ledger serve --http`: the Hummingbird application over one `LedgerAPI`. `run` returns
/// after a graceful shutdown (SIGTERM/SIGINT, or `stop`): no new connections, requests in
/// flight answered, feeds ended, and every queued append committed.
public final class LedgerHTTPServer: Sendable {
    public let api: LedgerAPI
    private let application: Application<RouterResponder<LedgerRequestContext>>
    /// The (method, path) of every route, for the OpenAPI check.
    public let routes: [(method: String, path: String)]

    /// `queue`: the group commit to share with the process's other appenders (the Unix
    /// socket of `ledger serve`); without one the server has its own.
    public init(
        ledger: Ledger, configuration: ServerConfiguration, logger: Logger = Logger(label: "consortium-ledger"),
        queue: GroupCommitQueue? = nil, onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) throws {
        try configuration.validate()
        api = try LedgerAPI(ledger: ledger, configuration: configuration, logger: logger, queue: queue)
        let (router, routes) = LedgerRouter.build(api: api)
        self.routes = routes
        // Without an idle timeout a client that stops mid-request holds its connection forever.
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(Int64(max(configuration.idleTimeoutSeconds, 0.001) * 1_000_000_000)))
        let linger = LingerLimits(
            seconds: configuration.lingerSeconds,
            bytes: configuration.lingerBytes ?? configuration.maxBodyBytes + (1 << 20))
        let server: HTTPServerBuilder
        if let cert = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            server = try .tls(.lingeringHTTP1(configuration: http1, limits: linger), tlsConfiguration: tls)
        } else {
            server = .lingeringHTTP1(configuration: http1, limits: linger)
        }
        application = Application(
            router: router, server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "consortium-ledger"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until SIGTERM/SIGINT (when `handleSignals`) or `stop()`, then drains.
    public func run(handleSignals: Bool = true) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application), .init(service: StopWatcher(api: api))],
                gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
                logger: api.logger))
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { [api] in
                    defer { api.stopRequested.signal() }  // releases the waiter below
                    try await group.run()
                }
                tasks.addTask { [api] in
                    await api.stopRequested.wait()
                    await group.triggerGracefulShutdown()
                }
                try await tasks.waitForAll()
            }
        } onCancelOrGracefulShutdown: { [api] in
            api.stopRequested.signal()
        }
        // In-flight appends were answered (so committed) during the drain; a shared queue
        // stays open for its other appenders until its owner closes it.
        if api.ownsQueue { api.queue.close() }
    }

    /// Asks a running server to shut down gracefully (as SIGTERM does).
    public func stop() { api.stopRequested.signal() }
}

/// Sets the API's stopping flag as soon as the graceful shutdown begins, so open feeds end
/// and the HTTP server's drain can complete.
private struct StopWatcher: Service {
    let api: LedgerAPI

    func run() async throws {
        try? await gracefulShutdown()
        api.beginStopping()
    }
}
