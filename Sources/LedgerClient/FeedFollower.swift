import AsyncHTTPClient
import Foundation
import NIOCore

/// Follows `GET /v1/feed` (Server-Sent Events): calls `onEvent` with each event's sequence and
/// JSON line, in order, and returns when the server ends the stream or `onEvent` returns false.
/// Resuming after a disconnect is calling it again with `lastEventId` (the last sequence seen).
public struct FeedFollower: Sendable {
    let remote: RemoteLedger

    public init(remote: RemoteLedger) { self.remote = remote }

    public func follow(
        from: UInt64 = 1, lastEventId: UInt64? = nil, onEvent: @Sendable (UInt64, Substring) throws -> Bool
    ) async throws {
        var request = remote.makeRequest("/v1/feed?from=\(from)", method: .GET)
        request.headers.add(name: "Accept", value: "text/event-stream")
        if let lastEventId { request.headers.add(name: "Last-Event-ID", value: String(lastEventId)) }
        let response = try await remote.client.execute(request, timeout: .hours(24))
        guard response.status.code < 400 else {
            let body = try await response.body.collect(upTo: 1 << 20)
            throw RemoteError(status: Int(response.status.code), problemJSON: String(buffer: body))
        }
        var pending: [UInt8] = []
        var id: UInt64?
        for try await chunk in response.body {
            pending.append(contentsOf: chunk.readableBytesView)
            // Lines are handled as they complete; an unfinished one waits for the next chunk.
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[start..<newline]
                start = newline + 1
                if line.starts(with: Self.idPrefix) {
                    id = Self.decimal(line.dropFirst(Self.idPrefix.count))
                } else if line.starts(with: Self.dataPrefix), let sequence = id {
                    let text = String(decoding: line.dropFirst(Self.dataPrefix.count), as: UTF8.self)
                    if try !onEvent(sequence, text[...]) { return }
                    id = nil
                }
            }
            pending.removeFirst(start)
        }
    }

    /// The unsigned decimal in `bytes`, nil unless it is one (no String per event).
    static func decimal(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    private static let idPrefix = Array("id: ".utf8)
    private static let dataPrefix = Array("data: ".utf8)
}
