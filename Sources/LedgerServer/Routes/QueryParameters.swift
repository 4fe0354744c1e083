import ConsortiumLedger
import Hummingbird

/// Typed query parameters with 400s that name the parameter and what was expected.
struct QueryParameters {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    func unsigned(_ name: String) throws -> UInt64? {
        guard let text = string(name) else { return nil }
        guard let value = UInt64(text) else {
            throw Problem.badRequest("\(name): expected a whole number ≥ 0, got \"\(text.prefix(40))\"", field: name)
        }
        return value
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badRequest(
                "\(name): expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text.prefix(40))\"",
                field: name)
        }
        return value
    }

    func asOf() throws -> AsOf? {
        guard let text = string("asOf") else { return nil }
        guard let value = AsOf(argument: text) else {
            throw Problem.badRequest(
                "asOf: expected a date YYYY-MM-DD or a sequence number, got \"\(text.prefix(40))\"", field: "asOf")
        }
        return value
    }
}

extension Request {
    var query: QueryParameters { QueryParameters(request: self) }
}

extension Problem {
    /// A facade error for a read: not found → 404, bad input → 400, anything else → 500.
    static func reading(_ error: any Error) -> any Error {
        if error is Problem { return error }
        if let error = error as? LedgerError {
            switch error.code {
            case .notFound: return Problem.notFound(error.message)
            case .invalidInput: return Problem.badRequest(error.message)
            default: break
            }
        }
        return Problem(
            .internalServerError, code: "internal", title: "Read failed",
            detail: "the ledger could not be read: \(error)")
    }
}
