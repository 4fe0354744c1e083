import ConsortiumLedger
import Foundation
import LedgerServer
import Testing

/// A request the server refuses while its body is still coming (401, 413, 400 on broken
/// framing or a header flood) is answered, and the connection ends cleanly: the server reads
/// what the client still sends, within bounds — the rest of the body on a kept-alive
/// connection, or everything until the client closes after the server has shut its sending
/// side (a lingering close) — instead of resetting the connection under its answer.
@Suite("Lingering close of refused requests")
struct LingeringCloseTests {
    static let maxBody = 64 * 1024
    /// Far more than the kernel and the server buffer between them, so a server that stopped
    /// reading would leave this client stuck in `send` until it closed (and reset) the connection.
    static let bodyBytes = 16 << 20

    static func head(_ lines: [String]) -> [UInt8] {
        Array((["POST /v1/events HTTP/1.1", "Host: 127.0.0.1"] + lines).joined(separator: "\r\n").utf8)
            + Array("\r\n\r\n".utf8)
    }

    /// Each client sends its whole request before it reads (then shuts its sending side): the
    /// server takes it all, answers its 4xx, then ends the stream cleanly — no reset. The
    /// linger's bounds are set wide here (the test checks the behaviour, not the bounds); a
    /// server that stopped reading would leave the client stuck until its idle timeout (30 s)
    /// closed — and reset — the connection. (A short idle timeout would not do: on a loaded
    /// machine it can cut a request whose answer is merely slow.)
    @Test func aClientStillSendingItsBodyGetsTheRefusalAndACleanEnd() async throws {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: Self.maxBody)
        configuration.lingerSeconds = 120
        configuration.lingerBytes = 4 * Self.bodyBytes
        try await withServer(configuration: configuration) { server in
            let auth = "Authorization: Bearer \(try server.token("gov-1", .secretariat))"
            let body = [UInt8](repeating: UInt8(ascii: "x"), count: Self.bodyBytes)
            let flood = (0..<3000).map { "X-Flood-\($0): " + String(repeating: "a", count: 64) }
            let cases: [(String, [UInt8], Int)] = [
                ("no token", Self.head(["Connection: close", "Content-Length: \(Self.bodyBytes)"]) + body, 401),
                ("no token, keep-alive", Self.head(["Content-Length: \(Self.bodyBytes)"]) + body, 401),
                ("body over the limit", Self.head([auth, "Content-Length: \(Self.bodyBytes)"]) + body, 413),
                (
                    "chunked body over the limit",
                    Self.head([auth, "Transfer-Encoding: chunked"])
                        + Array("1000000\r\n".utf8) + body + Array("\r\n0\r\n\r\n".utf8), 413
                ),
                ("bad chunk size", Self.head([auth, "Transfer-Encoding: chunked"]) + Array("zz\r\n".utf8) + body, 400),
                ("header flood", Self.head(flood + ["Content-Length: \(Self.bodyBytes)"]) + body, 400),
            ]
            for (name, request, status) in cases {
                let got = await RawHTTP.sendAllThenRead(port: server.port, request: request)
                #expect(got.sent == request.count, "\(name): the server stopped reading after \(got.sent) bytes")
                #expect(got.status == status, "\(name): \(got)")
                #expect(got.ending == .endOfStream, "\(name): \(got)")
            }
            #expect(try await server.request(.GET, "/healthz").status == 200)
            #expect(try server.ledger.eventCount() == UInt64(Seed.consortium.count))
        }
    }

    /// The linger is bounded: a client that goes on sending a refused body is cut off after about
    /// `lingerBytes` more (default: the body limit, 64 KiB here, and 1 MiB), not read to the end
    /// of what it claims — and it still reads its 413 first.
    @Test func aClientThatGoesOnSendingIsCutOffAfterTheBound() async throws {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: Self.maxBody)
        try await withServer(configuration: configuration) { server in
            let auth = "Authorization: Bearer \(try server.token("gov-1", .secretariat))"
            let sending = 64 << 20
            let request =
                Self.head([auth, "Content-Length: 999999999"])
                + [UInt8](repeating: UInt8(ascii: "x"), count: sending)
            let got = await RawHTTP.sendAllThenRead(port: server.port, request: request)
            #expect(got.status == 413, "\(got)")
            #expect(got.sent < sending, "the server read all \(got.sent) bytes of a body it had refused")
            #expect(got.ending != .hung, "\(got)")
            #expect(try await server.request(.GET, "/healthz").status == 200)
        }
    }
}
