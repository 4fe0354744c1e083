import Audit
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `ledger witness serve`: the witness behind `POST /add-checkpoint` over HTTP/1.1.
public struct WitnessHTTPServer: Sendable {
    public let witness: Witness
    public let host: String
    public let port: Int
    /// A checkpoint with 63 proof lines and 100 signatures fits easily.
    static let maxBodyBytes = 64 * 1024

    public init(witness: Witness, host: String, port: Int) {
        self.witness = witness
        self.host = host
        self.port = port
    }

    /// Serves until SIGTERM or SIGINT (when `handleSignals`) or until the calling task is
    /// cancelled, then drains; `onListening` gets the bound port.
    public func run(
        logger: Logger, handleSignals: Bool = true, onListening: @escaping @Sendable (Int) -> Void
    ) async throws {
        let router = Router()
        let witness = self.witness
        router.post("/add-checkpoint") { request, _ -> Response in
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: Self.maxBodyBytes)
            } catch {
                return Self.text(413, "request body larger than \(Self.maxBodyBytes) bytes\n")
            }
            do throws(WitnessError) {
                let lines = try witness.addCheckpoint(Array(buffer.readableBytesView))
                return Self.text(200, lines.map(\.line).joined())
            } catch {
                logger.notice("refused: \(error.description)")
                if error.code == .staleOldSize, let size = error.knownSize {
                    return Self.text(409, "\(size)\n", contentType: "text/x.tlog.size")
                }
                return Self.text(error.httpStatus, error.description + "\n")
            }
        }
        router.get("/health") { _, _ in "ok\n" }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "consortium-ledger-witness"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [])
    }

    static func text(_ status: Int, _ body: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
