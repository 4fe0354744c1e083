import AsyncHTTPClient
import ConsortiumLedger
import Foundation
import NIOCore

/// Reads `GET /v1/feed` as a record stream (`Accept: application/vnd.consortium-ledger.records`) and hands over whole frames in batches:
/// `onBatch` gets (and may keep) a buffer holding `count` complete frames, every `batchSize` records and
/// once more at the end. It verifies nothing itself: the frames go to a `VerbatimCopier`,
/// which checks every record before storing it.
public struct RecordStreamReader: Sendable {
    let remote: RemoteLedger

    public init(remote: RemoteLedger) { self.remote = remote }

    /// Streams records `from…to`; returns how many arrived (fewer if the server's log ends
    /// first). Throws `RemoteError` for an HTTP failure, `LedgerError` for a frame no record
    /// can be, and whatever `onBatch` throws.
    ///
    /// With `growingTo`, a batch is also as large as half the records before it (up to that
    /// many): a batch rewrites most pages of the random-keyed indexes whatever its size once
    /// they hold several times as many entries, so batches grow with the copy.
    public func read(
        from: UInt64, to: UInt64, batchSize: Int, growingTo largest: Int? = nil,
        onBatch: (_ frames: [UInt8], _ count: Int) throws -> Void
    ) async throws -> UInt64 {
        var request = remote.makeRequest(
            "/v1/feed" + RemoteLedger.queryString([("from", String(from)), ("to", String(to))]), method: .GET)
        request.headers.add(name: "Accept", value: RecordStream.mediaType)
        let response: HTTPClientResponse
        do {
            response = try await remote.client.execute(request, timeout: .hours(24))
        } catch {
            throw RemoteError(status: 0, title: "Unreachable", detail: "cannot reach \(remote.baseURL): \(error)")
        }
        guard response.status.code < 400 else {
            let body = try await response.body.collect(upTo: 1 << 20)
            throw RemoteError(status: Int(response.status.code), problemJSON: String(buffer: body))
        }
        var pending: [UInt8] = []
        // Where the next frame starts, and how many whole frames lie before it.
        var framed = 0
        var count = 0
        var total: UInt64 = 0
        func nextLimit() -> Int {
            guard let largest else { return batchSize }
            let before = Int(clamping: (from > 0 ? from - 1 : 0) + total)
            return max(batchSize, min(largest, before / 2))
        }
        var limit = nextLimit()
        func handOver() throws {
            guard count > 0 else { return }
            // The batch keeps the buffer (no copy of the frames); the next one starts with the
            // part of a frame already received, in a buffer of the same size.
            var batch = pending
            pending = Array(batch[framed...])
            pending.reserveCapacity(batch.count)
            batch.removeLast(batch.count - framed)
            try onBatch(batch, count)
            total += UInt64(count)
            limit = nextLimit()
            framed = 0
            count = 0
        }
        for try await chunk in response.body {
            pending.append(contentsOf: chunk.readableBytesView)
            while let length = try pending.withUnsafeBytes({ try RecordStream.frameLength(in: $0, at: framed) }),
                pending.count - framed >= length
            {
                framed += length
                count += 1
                if count >= limit { try handOver() }
            }
        }
        try handOver()
        guard pending.isEmpty else {
            throw LedgerError(.invalidInput, "record stream: it ends inside a frame (\(pending.count) bytes left)")
        }
        return total
    }
}
