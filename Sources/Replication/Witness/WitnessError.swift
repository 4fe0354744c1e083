import Foundation

/// Why a witness refused a checkpoint, with the HTTP status C2SP tlog-witness assigns to it.
public struct WitnessError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable, Hashable {
        /// The body is not `old N`, proof lines, a blank line and a signed note (400).
        case malformedRequest
        /// The old size is larger than the checkpoint's size (400).
        case oldSizeTooLarge
        /// No log with this origin is configured (404).
        case unknownOrigin
        /// No signature on the note verifies with the log's key (403).
        case signatureInvalid
        /// The old size is not the size last cosigned (409, body: that size).
        case staleOldSize
        /// Same size as the last cosigned checkpoint but another root: a split view (409).
        case conflictingRoot
        /// The consistency proof does not link the last cosigned checkpoint to this one (422).
        case inconsistent
        /// The witness could not persist its state; it cosigns nothing it has not stored (500).
        case storage
    }

    public let code: Code
    public let context: String
    /// For `staleOldSize`: the size of the latest cosigned checkpoint.
    public let knownSize: UInt64?

    public init(_ code: Code, _ context: String, knownSize: UInt64? = nil) {
        self.code = code
        self.context = context
        self.knownSize = knownSize
    }

    /// The status the protocol prescribes.
    public var httpStatus: Int {
        switch code {
        case .malformedRequest, .oldSizeTooLarge: return 400
        case .unknownOrigin: return 404
        case .signatureInvalid: return 403
        case .staleOldSize, .conflictingRoot: return 409
        case .inconsistent: return 422
        case .storage: return 500
        }
    }

    public var description: String { "witness \(code.rawValue): \(context)" }
    public var errorDescription: String? { description }
}
