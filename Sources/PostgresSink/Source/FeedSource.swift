import AsyncHTTPClient
import ConsortiumLedger
import Foundation
import NIOCore
import NIOHTTP1

/// A ledger server's HTTP interface as the sink's source: catch-up pages from
/// `GET /v1/events?from=SEQ&limit=N` (NDJSON, each line as `ledger log --format jsonl`
/// prints it), and with `--follow` the live `GET /v1/feed?from=SEQ` event stream (`id:` is
/// the sequence, `data:` one such line). `Authorization: Bearer` carries an auditor's or the
/// secretariat's token.
///
/// The feed does not carry the ledger's id, so the caller names it; the sink checks it against
/// the genesis hash that record 1 names as its previous hash.
public struct FeedSource: SinkEventSource {
    let base: String
    let id: String
    let token: String?
    let stream: FeedStream

    public init(url: String, ledgerId: String, token: String?) {
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
        id = ledgerId
        self.token = token
        stream = FeedStream()
    }

    public var label: String { "feed \(base)" }

    public func ledgerId() async throws -> String { id }

    /// The most `/v1/events` answers per request (the server refuses a larger `limit`).
    static let pageLimit = 10_000

    public func records(after sequence: UInt64, limit: Int, includeData: Bool, follow: Bool) async throws
        -> [SinkRecord]
    {
        // A batch bigger than one page is read as several pages, until a short one.
        var records: [SinkRecord] = []
        while records.count < limit {
            let want = min(Self.pageLimit, limit - records.count)
            let page = try await page(after: records.last?.sequence ?? sequence, limit: want)
            records += page
            if page.count < want { break }
        }
        if !records.isEmpty || !follow { return records }
        return try await stream.take(after: sequence, limit: limit, wait: .seconds(1)) { from in
            try await self.openFeed(from: from)
        }
    }

    private func request(_ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private func page(after sequence: UInt64, limit: Int) async throws -> [SinkRecord] {
        var request = request("/v1/events?from=\(sequence + 1)&limit=\(limit)")
        request.headers.add(name: "Accept", value: "application/x-ndjson")
        let body: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
            try check(response, "/v1/events")
            body = try await response.body.collect(upTo: 1 << 30)
        } catch let error as SinkError {
            throw error
        } catch {
            throw SinkError(.sourceUnavailable, "\(label) is unavailable: \(error)")
        }
        var records: [SinkRecord] = []
        for line in body.readableBytesView.split(separator: 0x0A) where !line.isEmpty {
            let record = try parse(Array(line), at: "/v1/events?from=\(sequence + 1), line \(records.count + 1)")
            records.append(record)
        }
        return records
    }

    /// Opens the event stream at `from` and hands each record to `deliver` until it ends.
    private func openFeed(from: UInt64) async throws -> HTTPClientResponse {
        var request = request("/v1/feed?from=\(from)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        if from > 1 { request.headers.add(name: "Last-Event-ID", value: String(from - 1)) }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .hours(24 * 365))
            try check(response, "/v1/feed")
            return response
        } catch let error as SinkError {
            throw error
        } catch {
            throw SinkError(.sourceUnavailable, "\(label) is unavailable: \(error)")
        }
    }

    private func check(_ response: HTTPClientResponse, _ path: String) throws {
        switch response.status.code {
        case 200: return
        case 401, 403:
            throw SinkError(
                .source,
                "\(label)\(path) answered \(response.status): set LEDGER_TOKEN to an auditor's or the secretariat's token"
            )
        case 500...599:
            throw SinkError(.sourceUnavailable, "\(label)\(path) answered \(response.status)")
        default:
            throw SinkError(.source, "\(label)\(path) answered \(response.status)")
        }
    }

    func parse(_ line: [UInt8], at place: String) throws -> SinkRecord {
        do {
            return try SinkRecord.parse(logLine: line, source: "\(label)\(place)")
        } catch {
            throw SinkError(.source, "\(error)")
        }
    }
}
