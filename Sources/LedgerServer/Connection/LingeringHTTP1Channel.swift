import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with a `LingeringCloseHandler` in front of its HTTP
/// decoder (after TLS when the server has it) and a `RefusedBodyBoundHandler` among its HTTP
/// handlers: a refused request's answer reaches a client that is still sending, and what the
/// server reads after answering is bounded.
struct LingeringHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let limits: LingerLimits

    init(
        responder: @escaping HTTPChannelHandler.Responder, configuration: HTTP1Channel.Configuration,
        limits: LingerLimits
    ) {
        var configuration = configuration
        let additional = configuration.additionalChannelHandlers
        configuration.additionalChannelHandlers = { [RefusedBodyBoundHandler(limits: limits)] + additional() }
        base = HTTP1Channel(responder: responder, configuration: configuration)
        self.limits = limits
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            // Added before the HTTP handlers that `base` adds next, so it sees the raw bytes.
            try channel.pipeline.syncOperations.addHandler(LingeringCloseHandler(limits: limits))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with a lingering close for refused requests (see `LingeringHTTP1Channel`).
    static func lingeringHTTP1(configuration: HTTP1Channel.Configuration, limits: LingerLimits) -> HTTPServerBuilder {
        .init { responder in
            LingeringHTTP1Channel(responder: responder, configuration: configuration, limits: limits)
        }
    }
}
