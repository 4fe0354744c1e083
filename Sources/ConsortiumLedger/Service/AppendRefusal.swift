import EventStore
import Foundation

/// Why a batch was not appended, in the terms a network client needs: the kind of refusal,
/// which event of the batch and which field, and the message a person can act on.
public struct AppendRefusal: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A stream's version was not the expected one, or an id was reused with other content.
        case conflict
        /// A rule of docs/DOMAIN.md or the event's schema refused it.
        case rejected
        /// The service is stopping; nothing was written.
        case unavailable
    }

    public var kind: Kind
    /// Stable code: the store's (`versionConflict`, `idConflict`, `invalidEvent`) or the rule's.
    public var code: String
    /// 0-based position of the refused event in the batch, when known.
    public var index: Int?
    public var field: String?
    public var message: String

    public init(kind: Kind, code: String, index: Int?, field: String?, message: String) {
        self.kind = kind
        self.code = code
        self.index = index
        self.field = field
        self.message = message
    }

    /// The refusal an append error stands for, or `nil` for a failure of the machine (I/O).
    public init?(_ error: any Error) {
        switch error {
        case let error as EventStoreError:
            switch error.code {
            case .versionConflict:
                self.init(
                    kind: .conflict, code: error.code.rawValue, index: error.batchIndex, field: "expectedVersion",
                    message: error.message)
            case .idConflict:
                self.init(
                    kind: .conflict, code: error.code.rawValue, index: error.batchIndex, field: "id",
                    message: error.message)
            case .invalidEvent:
                self.init(
                    kind: .rejected, code: error.code.rawValue, index: error.batchIndex, field: nil,
                    message: error.message)
            default: return nil
            }
        case let error as LedgerError
        where error.code == .ruleViolation || error.code == .signatureRequired
            || error.code == .invalidInput:
            // The rule's own code and field travel with the error (docs/DESIGN.md, Errors); the
            // batch position is only in the message.
            let (parsedField, index) = Self.parseRuleMessage(error.message)
            self.init(
                kind: .rejected, code: error.ruleCode?.rawValue ?? error.code.rawValue, index: index,
                field: error.field ?? parsedField, message: error.message)
        case is GroupCommitQueue.Closed:
            self.init(kind: .unavailable, code: "shuttingDown", index: nil, field: nil, message: "\(error)")
        default:
            return nil
        }
    }

    /// A rule refusal reads "field: message (event N of the batch, Type id); nothing was written".
    static func parseRuleMessage(_ message: String) -> (field: String?, index: Int?) {
        var field: String?
        if let colon = message.firstIndex(of: ":") {
            let head = message[..<colon]
            if !head.isEmpty, !head.contains(" ") { field = String(head) }
        }
        var index: Int?
        if let range = message.range(of: "(event ") {
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits), n >= 1 { index = n - 1 }
        }
        return (field, index)
    }
}
