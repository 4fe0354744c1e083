import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem document (`application/problem+json`): what went wrong, and for bad
/// input which line of the submission and which field.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// 1-based position in the submitted array (1 for a single event).
    public var line: Int?
    public var field: String?
    /// Stable code: the rule's or the store's, or one of the service's own.
    public var code: String
    /// Headers to add (e.g. `WWW-Authenticate` on 401).
    var extraHeaders: HTTPFields = [:]

    public init(
        _ status: HTTPResponse.Status, code: String, title: String, detail: String, line: Int? = nil,
        field: String? = nil
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.line = line
        self.field = field
    }

    /// The document's `type`: a stable URI per code, documented in docs/SERVICE.md.
    public var type: String { "https://consortium-ledger.example/problems/\(code)" }

    public var json: String {
        var fields: [(String, String)] = [
            ("type", Self.quote(type)), ("title", Self.quote(title)), ("status", String(status.code)),
            ("detail", Self.quote(detail)), ("code", Self.quote(code)),
        ]
        if let line { fields.append(("line", String(line))) }
        if let field { fields.append(("field", Self.quote(field))) }
        return "{" + fields.map { "\(Self.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json + "\n")))
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Problem {
    static func unauthorized(_ detail: String) -> Problem {
        var problem = Problem(.unauthorized, code: "unauthorized", title: "Authentication required", detail: detail)
        problem.extraHeaders[.wwwAuthenticate] = "Bearer realm=\"consortium-ledger\""
        return problem
    }

    static func forbidden(_ detail: String, line: Int? = nil, field: String? = nil) -> Problem {
        Problem(
            .forbidden, code: "forbidden", title: "Not allowed for this token", detail: detail, line: line, field: field
        )
    }

    static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(.badRequest, code: "badRequest", title: "Bad request", detail: detail, field: field)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, code: "notFound", title: "Not found", detail: detail)
    }
}
