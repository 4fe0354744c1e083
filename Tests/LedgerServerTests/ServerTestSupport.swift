import AsyncHTTPClient
import ConsortiumLedger
import Domain
import Foundation
import LedgerServer
import LedgerTesting
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// Import lines for a small consortium: the lead (gov-1), two schools, two enterprises and two
/// school–enterprise agreements (s1–e1, s2–e2), so the committee has two pairs.
enum Seed {
    static func line(
        _ id: String, _ type: String, actor: String = "gov-1", on date: String = "2025-01-03", _ data: String
    )
        -> String
    {
        #"{"id":"\#(id)","type":"\#(type)","occurredAt":"\#(date)","actor":"\#(actor)","data":\#(data)}"#
    }

    static let consortium: [String] = [
        line(
            "c1", "ConsortiumChartered", on: "2025-01-02",
            #"{"consortiumId":"C1","name":"Test City Consortium","region":"Test City","leadMemberId":"gov-1"}"#),
        line(
            "m0", "MemberAdmitted", on: "2025-01-02",
            #"{"memberId":"gov-1","name":"City Education Bureau","kind":"government"}"#),
        line(
            "m1", "MemberAdmitted",
            #"{"memberId":"s1","name":"School One","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school("s1"))"}"#
        ),
        line(
            "m2", "MemberAdmitted",
            #"{"memberId":"s2","name":"School Two","kind":"school","schoolLevel":"higher-vocational","creditCode":"\#(SampleCreditCodes.school("s2"))"}"#
        ),
        line(
            "m3", "MemberAdmitted",
            #"{"memberId":"e1","name":"Enterprise One","kind":"enterprise","creditCode":"\#(SampleCreditCodes.enterprise("e1"))"}"#
        ),
        line(
            "m4", "MemberAdmitted",
            #"{"memberId":"e2","name":"Enterprise Two","kind":"enterprise","creditCode":"\#(SampleCreditCodes.enterprise("e2"))"}"#
        ),
        line(
            "a1", "AgreementSigned",
            #"{"agreementId":"A1","schoolId":"s1","enterpriseId":"e1","kind":"orderClass","startsOn":"2025-02-01","endsOn":"2027-01-31"}"#
        ),
        line(
            "a2", "AgreementSigned",
            #"{"agreementId":"A2","schoolId":"s2","enterpriseId":"e2","kind":"orderClass","startsOn":"2025-02-01","endsOn":"2027-01-31"}"#
        ),
    ]

    /// A training event recorded by `actor` (a member may record services it provides).
    static func training(_ id: String, actor: String = "gov-1", date: String = "2025-03-01") -> String {
        line(
            id, "TrainingDelivered", actor: actor, on: date,
            #"{"providerId":"\#(actor)","personTimes":2,"topic":"safety"}"#)
    }
}

/// A ledger with the seed consortium and an HTTP server on 127.0.0.1 (a free port), stopped by `stop()`.
final class TestServer: @unchecked Sendable {  // fields set once in init, then read only
    let dir = TemporaryDirectory("ledger-server")
    let ledger: Ledger
    let server: LedgerHTTPServer
    let port: Int
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    private let running: Task<Void, any Error>

    var base: String { "http://127.0.0.1:\(port)" }
    var path: String { dir.file("consortium.ledger") }

    init(
        seed: [String] = Seed.consortium, configuration: ServerConfiguration = .init(host: "127.0.0.1", port: 0),
        sharedQueue: Bool = false
    ) async throws {
        ledger = try Ledger.create(path: dir.file("consortium.ledger"))
        if !seed.isEmpty { try ledger.append(try seed.map { try ImportLine.parse(json: $0) }) }
        let ports = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        // A shared queue (as `ledger serve` shares one with its Unix socket) is closed by its owner, not the server.
        server = try LedgerHTTPServer(
            ledger: ledger, configuration: configuration, logger: logger,
            queue: sharedQueue ? GroupCommitQueue(ledger: ledger) : nil
        ) { port in
            ports.continuation.yield(port)
        }
        let server = self.server
        running = Task { try await server.run(handleSignals: false) }
        var iterator = ports.stream.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw TestFailure("the server did not start") }
        port = bound
    }

    func stop() async throws {
        server.stop()
        try await running.value
        try await client.shutdown()
    }

    func token(_ member: String, _ role: TokenRole, expires: String? = nil) throws -> String {
        try ledger.tokenBook().issue(member: member, role: role, expires: expires, label: "test").secret
    }

    /// One request; the status and the body as text.
    func request(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> (status: Int, body: String, headers: HTTPHeaders) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let text = String(buffer: try await response.body.collect(upTo: 64 << 20))
        return (Int(response.status.code), text, response.headers)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A JSON object from a response body.
func jsonObject(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
}

/// Runs `body` with a fresh server and always stops it.
func withServer(
    seed: [String] = Seed.consortium, configuration: ServerConfiguration = .init(host: "127.0.0.1", port: 0),
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await TestServer(seed: seed, configuration: configuration)
    do {
        try await body(server)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
}
