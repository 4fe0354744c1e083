import NIOCore

/// How long and how much the server goes on reading from a client after it has answered early
/// (see `LingeringCloseHandler` and `RefusedBodyBoundHandler`).
struct LingerLimits: Sendable {
    var seconds: Double
    var bytes: Int
}

/// A lingering close, on the raw bytes (after TLS, before the HTTP decoder).
///
/// Why: when the server refuses a request while the client is still sending (a request that
/// said `Connection: close`, 400 on broken framing or a header flood), closing at once leaves
/// unread bytes in the socket, and the kernel answers them with a reset — which can make the
/// client's stack drop the refusal before it is read. So when the server half-closes (it has
/// written its answer and shuts its sending side, which tells the client it is done), the
/// connection keeps reading and discards what arrives until the client closes its side,
/// `limits.bytes` were discarded or `limits.seconds` passed, whichever comes first; only then
/// does it close. A close asked for meanwhile (the idle timeout, a shutdown) waits for that
/// end, so the linger is always bounded by its own limits. See docs/SERVICE.md, Server.
final class LingeringCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case open
        case lingering(discarded: Int, timer: Scheduled<Void>?, closes: [EventLoopPromise<Void>])
        case closed
    }

    private let limits: LingerLimits
    private var state = State.open
    /// The client had closed its sending side before the server closed its own: nothing more
    /// can come, so there is nothing to linger for.
    private var inputClosed = false

    init(limits: LingerLimits) {
        self.limits = limits
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        switch (state, mode) {
        case (.open, .output) where !inputClosed:
            context.flush()
            context.close(mode: .output, promise: promise)
            startLingering(context)
        case (.lingering(let discarded, let timer, var closes), .all):
            if let promise { closes.append(promise) }
            state = .lingering(discarded: discarded, timer: timer, closes: closes)
        case (.lingering, _):
            promise?.succeed(())  // the sending side is already shut
        default:
            context.close(mode: mode, promise: promise)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .lingering(let discarded, let timer, let closes) = state else {
            if case .open = state { context.fireChannelRead(data) }
            return
        }
        let total = discarded + unwrapInboundIn(data).readableBytes
        state = .lingering(discarded: total, timer: timer, closes: closes)
        if total >= limits.bytes { finish(context) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard case .lingering = state else { return context.fireChannelReadComplete() }
        // Nobody above reads any more (their buffers may be full): keep the bytes flowing here.
        context.read()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            // The client has closed its side: everything it sent was read.
            if case .lingering = state { return finish(context) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard case .lingering = state else { return context.fireErrorCaught(error) }
        finish(context)  // a reset from the client ends the linger; nothing is left to answer
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .lingering(_, let timer, let closes) = state {
            timer?.cancel()
            for promise in closes { promise.succeed(()) }
        }
        state = .closed
        context.fireChannelInactive()
    }

    private func startLingering(_ context: ChannelHandlerContext) {
        let loop = context.eventLoop.assumeIsolated()
        let timer = loop.scheduleTask(in: .nanoseconds(Int64(limits.seconds * 1_000_000_000))) { [self] in
            finish(context)
        }
        state = .lingering(discarded: 0, timer: timer, closes: [])
        context.read()
    }

    /// The real close, once the linger is over.
    private func finish(_ context: ChannelHandlerContext) {
        guard case .lingering(_, let timer, let closes) = state else { return }
        timer?.cancel()
        state = .closed
        let closed = context.eventLoop.makePromise(of: Void.self)
        closed.futureResult.whenComplete { _ in
            for promise in closes { promise.succeed(()) }
        }
        context.close(mode: .all, promise: closed)
    }
}
