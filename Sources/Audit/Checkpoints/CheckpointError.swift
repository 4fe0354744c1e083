import Foundation

/// Why a checkpoint could not be built, parsed or verified.
///
/// Carries the offending line (1-based, counting the whole signed note) when there is
/// one, so an auditor handed a bad file knows where to look.
public struct CheckpointError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable, Hashable {
        /// The origin is empty or contains a newline.
        case invalidOrigin
        /// The note text is not `origin\nsize\nbase64(root)\n`.
        case malformedNote
        /// The signature block is missing, not UTF-8, or a line is not `— name base64`.
        case malformedSignature
        /// No signature line verifies with the given public key.
        case signatureInvalid
    }

    public let code: Code
    /// 1-based line number in the signed note, when the problem is on one line.
    public let line: Int?
    /// What was expected and what was found.
    public let context: String

    public init(_ code: Code, line: Int? = nil, _ context: String) {
        self.code = code
        self.line = line
        self.context = context
    }

    public var description: String {
        let location = line.map { " (line \($0))" } ?? ""
        return "checkpoint \(code.rawValue)\(location): \(context)"
    }

    public var errorDescription: String? { description }
}
