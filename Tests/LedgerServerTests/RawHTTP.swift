import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a raw request got back.
enum RawAnswer: Equatable, CustomStringConvertible {
    /// An HTTP status line with this code.
    case status(Int)
    /// The server closed (or reset) the connection without a status line.
    case closed
    /// Neither an answer nor a close within the client's bound: the server left it hanging.
    case noAnswer
    /// The connection could not be made.
    case notConnected

    var description: String {
        switch self {
        case .status(let code): "status \(code)"
        case .closed: "closed without an answer"
        case .noAnswer: "no answer and no close within the client's bound"
        case .notConnected: "could not connect"
        }
    }

    var isClientError: Bool {
        if case .status(let code) = self { return (400..<500).contains(code) }
        return false
    }
}

/// Sends raw bytes to 127.0.0.1:port on a fresh connection and reports what came back. For
/// requests an HTTP client would refuse to send: broken framing, header floods, odd paths,
/// requests that stop half way (the client then waits without closing its side).
enum RawHTTP {
    /// Sends `parts` with `pause` seconds between them, then waits for the status line.
    /// `boundSeconds` only tells a hung server from one that answered or closed; it is no
    /// timing claim (the suite shares two cores). The blocking socket calls run on a thread of
    /// their own, never on the cooperative pool an in-process server's handlers need.
    static func answer(port: Int, parts: [[UInt8]], pause: Double = 0, boundSeconds: Int = 120) async -> RawAnswer {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: exchange(port: port, parts: parts, pause: pause, bound: boundSeconds))
            }.start()
        }
    }

    static func answer(port: Int, request: [UInt8]) async -> RawAnswer {
        await answer(port: port, parts: [request])
    }

    /// A blocking TCP socket connected to 127.0.0.1:`port`, sends and reads bounded by `bound`
    /// seconds; nil if it cannot connect. The caller closes it.
    private static func connectedSocket(port: Int, bound: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: bound, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    private static func exchange(port: Int, parts: [[UInt8]], pause: Double, bound: Int) -> RawAnswer {
        guard let fd = connectedSocket(port: port, bound: bound) else { return .notConnected }
        defer { close(fd) }
        sending: for (index, part) in parts.enumerated() {
            if index > 0, pause > 0 { usleep(UInt32(pause * 1_000_000)) }
            var sent = 0
            while sent < part.count {
                let n = part[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break sending }  // the server may answer (413, 431) and close before reading everything
                sent += n
            }
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !answer.contains(UInt8(ascii: "\n")) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0, errno == EAGAIN || errno == EWOULDBLOCK { return .noAnswer }
            if n <= 0 { break }  // end of stream or reset
            answer.append(contentsOf: buffer[0..<n])
        }
        let line = String(decoding: answer.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let fields = line.split(separator: " ")
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/"), let code = Int(fields[1]) else { return .closed }
        return .status(code)
    }

    static func request(_ method: String, _ path: String, headers: [String] = [], body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for header in headers { head += header + "\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }
}

/// What a client that sends its whole request before reading got: how much the server took,
/// the status line, and how the connection ended after it.
struct RawExchange: Sendable {
    enum Ending: Equatable, Sendable {
        /// The server closed its side cleanly after its answer (end of stream).
        case endOfStream
        /// The connection was reset.
        case reset
        /// Neither within the client's bound.
        case hung
    }

    var sent: Int
    var status: Int?
    var ending: Ending
}

extension RawHTTP {
    /// Sends all of `request` (as far as the server takes it) before reading anything, shuts its
    /// sending side, then reads the answer to the end of the connection. A blocking client on
    /// its own thread.
    static func sendAllThenRead(port: Int, request: [UInt8], boundSeconds: Int = 120) async -> RawExchange {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(
                    returning: sendAllThenReadBlocking(port: port, request: request, bound: boundSeconds))
            }.start()
        }
    }

    private static func sendAllThenReadBlocking(port: Int, request: [UInt8], bound: Int) -> RawExchange {
        guard let fd = connectedSocket(port: port, bound: bound) else {
            return RawExchange(sent: 0, status: nil, ending: .reset)
        }
        defer { close(fd) }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes {
                send(fd, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { break }
            sent += n
        }
        // Done sending: say so, so a server keeping the connection alive ends it after its answer.
        shutdown(fd, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var ending = RawExchange.Ending.endOfStream
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { break }
            if n < 0 {
                ending = errno == EAGAIN || errno == EWOULDBLOCK ? .hung : .reset
                break
            }
            answer.append(contentsOf: buffer[0..<n])
        }
        let line = String(decoding: answer.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let fields = line.split(separator: " ")
        let status = fields.count >= 2 && fields[0].hasPrefix("HTTP/") ? Int(fields[1]) : nil
        return RawExchange(sent: sent, status: status, ending: ending)
    }
}
