import Foundation

/// An error a ledger user can cause or meet, with a message naming what to fix.
public struct LedgerError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        case alreadyExists
        case invalidInput
        case ruleViolation
        case signatureRequired
        case notFound
        case io
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
