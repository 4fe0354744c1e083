import AsyncHTTPClient
import Audit
import Foundation
import NIOCore

/// What a witness answered to one add-checkpoint request.
public enum AddCheckpointOutcome: Sendable, Equatable {
    /// 200: the signature lines it returned (not yet verified).
    case cosigned([NoteSignature])
    /// 409 with `text/x.tlog.size`: the size it last cosigned.
    case knownSize(UInt64)
    /// Any other status, with the witness's explanation.
    case refused(status: Int, reason: String)
}

/// Talks the tlog-witness protocol to one witness.
public struct WitnessClient: Sendable {
    let client: HTTPClient

    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    /// Posts one request; throws only when the witness cannot be reached or answers nonsense.
    public func addCheckpoint(_ request: AddCheckpointRequest, to endpoint: WitnessEndpoint) async throws
        -> AddCheckpointOutcome
    {
        var http = HTTPClientRequest(url: endpoint.url + "/add-checkpoint")
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        http.body = .bytes(ByteBuffer(string: request.body))
        let response = try await client.execute(http, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let status = Int(response.status.code)
        switch status {
        case 200:
            var lines: [NoteSignature] = []
            for line in text.split(separator: "\n") {
                guard let parsed = try? NoteSignature(parsingLine: line) else {
                    return .refused(status: status, reason: "unparseable signature line \"\(line.prefix(80))\"")
                }
                lines.append(parsed)
            }
            return .cosigned(lines)
        case 409 where response.headers.first(name: "Content-Type")?.hasPrefix("text/x.tlog.size") == true:
            guard let size = AddCheckpointRequest.canonicalDecimal(Substring(text.trimmingCharacters(in: .newlines)))
            else { return .refused(status: status, reason: "malformed size \"\(text.prefix(40))\"") }
            return .knownSize(size)
        default:
            return .refused(status: status, reason: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

extension WitnessClient {
    /// `GET /health`: a bare round trip, the benchmark's anchor for cosigning latency.
    public func health(_ endpoint: WitnessEndpoint) async throws -> Bool {
        var http = HTTPClientRequest(url: endpoint.url + "/health")
        http.method = .GET
        let response = try await client.execute(http, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1024)
        return response.status.code == 200
    }
}
