import ConsortiumLedger
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /v1/feed?from=SEQ`: Server-Sent Events, every event from SEQ and then new ones as they
/// commit. Each message's `id:` is its sequence, so a reconnecting client's `Last-Event-ID`
/// resumes right after the last event it received: none is lost or repeated. With
/// `Accept: application/vnd.consortium-ledger.records` it answers `RecordStreamResponse`.
struct FeedRoutes: RouteGroup {
    /// Events read per snapshot and written per chunk.
    static let pageSize = 2_048
    /// A comment line this often keeps proxies from closing an idle stream.
    static let keepAlive: Duration = .seconds(15)
    let api: LedgerAPI

    func register(on routes: RouteTable) {
        routes.get("/v1/feed") { request, context in
            try api.requireLogReader(request, context)
            var next = try request.query.unsigned("from") ?? 1
            if let lastId = request.headers[.lastEventID] {
                guard let last = UInt64(lastId.trimmingCharacters(in: .whitespaces)) else {
                    throw Problem.badRequest(
                        "Last-Event-ID: expected a sequence number, got \"\(lastId.prefix(40))\"",
                        field: "Last-Event-ID")
                }
                next = last + 1
            }
            let start = max(next, 1)
            if RecordStreamResponse.isWanted(by: request) {
                return try RecordStreamResponse.make(api: api, request: request, from: start)
            }
            let body = ResponseBody { [api] writer in
                var next = start
                var lastWrite = ContinuousClock.now
                try await writer.write(ByteBuffer(string: ": consortium-ledger feed from \(next)\n\n"))
                while !api.isStopping {
                    // Read before the log, so a commit landing after the read still wakes the wait below.
                    let seen = api.commits.generation
                    var chunk = ByteBuffer()
                    let count = try api.ledger.forEachEventLine(from: next, limit: Self.pageSize) { sequence, line in
                        // Bytes straight into the buffer: no String per event on the feed's hot path.
                        chunk.writeStaticString("id: ")
                        Self.writeDecimal(sequence, to: &chunk)
                        chunk.writeStaticString("\ndata: ")
                        chunk.writeBytes(line)
                        chunk.writeStaticString("\n\n")
                        next = sequence + 1
                    }
                    if count > 0 {
                        try await writer.write(chunk)
                        lastWrite = .now
                        if count == Self.pageSize { continue }
                    } else if ContinuousClock.now - lastWrite > Self.keepAlive {
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        lastWrite = .now
                    }
                    await api.commits.wait(since: seen, timeout: api.configuration.feedRecheckSeconds)
                }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: body)
        }
    }
}

extension FeedRoutes {
    /// `value` in decimal ASCII, written in place.
    static func writeDecimal(_ value: UInt64, to buffer: inout ByteBuffer) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { raw in
            var remaining = value
            for index in stride(from: length - 1, through: 0, by: -1) {
                raw[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            return length
        }
    }
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
