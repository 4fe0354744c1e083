import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Bounds what the server reads of a body after it has answered its request early — a refusal
/// before or while reading the body (401, 403, 413): Hummingbird reads the rest of such a body
/// to reuse the connection; past `limits.bytes` more, or `limits.seconds`, the connection is
/// closed instead.
///
/// Why read on at all: a client still sending when the server closes gets a reset, and an HTTP
/// client that writes its whole body before it reads (async-http-client does) then reports an
/// I/O error instead of the 413 — a `Connection: close` in the answer makes it close and fail
/// the same way. Why the bound: a client may claim 16 GiB. Pipelined requests are counted, so
/// each answer is matched with its own request. See docs/SERVICE.md, Server.
final class RefusedBodyBoundHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: LingerLimits
    /// Requests whose end has been read, and answers whose end has been written.
    private var requestsEnded = 0
    private var answersEnded = 0
    /// Set while the body of an answered request is still arriving.
    private var draining: (bytes: Int, timer: Scheduled<Void>)?

    init(limits: LingerLimits) {
        self.limits = limits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .body(let buffer):
            if let current = draining {
                let bytes = current.bytes + buffer.readableBytes
                draining = (bytes, current.timer)
                if bytes > limits.bytes { return giveUp(context) }
            }
        case .end:
            requestsEnded += 1
            draining?.timer.cancel()
            draining = nil
        case .head:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answersEnded += 1
            // The request this answers is number `answersEnded`: is its body still coming?
            if requestsEnded < answersEnded, draining == nil {
                let timer = context.eventLoop.assumeIsolated().scheduleTask(
                    in: .nanoseconds(Int64(limits.seconds * 1_000_000_000))
                ) { [self] in giveUp(context) }
                draining = (0, timer)
            }
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        draining?.timer.cancel()
        draining = nil
        context.fireChannelInactive()
    }

    /// Past the bound: the answer was sent long ago; whatever still comes is refused by closing.
    private func giveUp(_ context: ChannelHandlerContext) {
        draining?.timer.cancel()
        draining = nil
        context.close(promise: nil)
    }
}
