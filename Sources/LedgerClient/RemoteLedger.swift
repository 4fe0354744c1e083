import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A ledger reached over HTTP (`ledger … --remote URL`): the calls the CLI makes, each
/// returning the server's text or throwing its problem document as a `RemoteError`.
public struct RemoteLedger: Sendable {
    public let baseURL: String
    let token: String?
    let client: HTTPClient
    /// Upper bound of a response the CLI reads into memory.
    static let maxResponseBytes = 1 << 30

    /// `url` is the service root (`https://ledger.example:8443`); `token` goes in `Authorization: Bearer`.
    public init(url: String, token: String?, client: HTTPClient = .shared) throws {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw RemoteError(
                status: 0, title: "Bad URL", detail: "--remote: expected http(s)://HOST:PORT, got \"\(url)\"")
        }
        baseURL = base
        self.token = token
        self.client = client
    }

    /// `POST /v1/events` with `body` (one import line or an array); signatures as the
    /// `X-Member-Signature` header wants them.
    public func append(body: [UInt8], signatures: String? = nil) async throws -> RemoteAppend {
        var request = makeRequest("/v1/events", method: .POST)
        request.headers.add(name: "Content-Type", value: "application/json")
        if let signatures { request.headers.add(name: "X-Member-Signature", value: signatures) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let (status, text) = try await send(request)
        return try RemoteAppend(status: status, json: text)
    }

    /// `GET path?query` and its body as text (JSON, CSV or NDJSON by `accept`).
    public func get(_ path: String, query: [(String, String)] = [], accept: String = "application/json") async throws
        -> String
    {
        var request = makeRequest(path + Self.queryString(query), method: .GET)
        request.headers.add(name: "Accept", value: accept)
        return try await send(request).text
    }

    func makeRequest(_ path: String, method: HTTPMethod) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    /// Sends `request`; a status ≥ 400 becomes a `RemoteError` carrying the problem document.
    func send(_ request: HTTPClientRequest) async throws -> (status: Int, text: String) {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(300))
        } catch {
            throw RemoteError(status: 0, title: "Unreachable", detail: "cannot reach \(baseURL): \(error)")
        }
        let body = try await response.body.collect(upTo: Self.maxResponseBytes)
        let text = String(buffer: body)
        let status = Int(response.status.code)
        if status >= 400 { throw RemoteError(status: status, problemJSON: text) }
        return (status, text)
    }

    static func queryString(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+")
        return "?"
            + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
            .joined(separator: "&")
    }
}

/// The answer to an acknowledged `POST /v1/events`.
public struct RemoteAppend: Sendable, Equatable {
    /// 201 when something was written, 200 when every event was already recorded.
    public var status: Int
    public var sequences: [UInt64]
    public var duplicates: [Bool]

    init(status: Int, json: String) throws {
        self.status = status
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        guard let numbers = object?["sequences"] as? [NSNumber] else {
            throw RemoteError(
                status: status, title: "Unexpected answer",
                detail: "the server's answer has no sequences: \(json.prefix(200))")
        }
        sequences = numbers.map(\.uint64Value)
        duplicates = (object?["duplicates"] as? [Bool]) ?? sequences.map { _ in false }
    }
}

/// A refusal or failure reported by the server (its RFC 9457 problem document), or a transport failure (status 0).
public struct RemoteError: Error, CustomStringConvertible, Sendable {
    public var status: Int
    public var title: String
    public var detail: String
    public var code: String?
    public var line: Int?
    public var field: String?

    init(status: Int, title: String, detail: String) {
        self.status = status
        self.title = title
        self.detail = detail
    }

    init(status: Int, problemJSON: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(problemJSON.utf8))) as? [String: Any]
        self.status = status
        title = object?["title"] as? String ?? "HTTP \(status)"
        detail = object?["detail"] as? String ?? problemJSON.trimmingCharacters(in: .whitespacesAndNewlines)
        code = object?["code"] as? String
        line = (object?["line"] as? NSNumber)?.intValue
        field = object?["field"] as? String
    }

    public var description: String { detail.isEmpty ? "\(title) (HTTP \(status))" : detail }
}
