import Foundation

/// Why a Merkle operation could not produce an answer.
///
/// Verifiers never throw (a bad proof is simply `false`); these errors are for requests
/// that make no sense (a leaf beyond the tree) or a store that lacks a node it should hold.
public struct MerkleError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable, Hashable {
        /// The leaf index is not below the tree size.
        case leafIndexOutOfRange
        /// The sizes are inverted or otherwise impossible.
        case invalidTreeSize
        /// A perfect node the request needs is missing from the store.
        case missingNode
        /// Persisted accumulator bytes are truncated, of an unknown version, or inconsistent.
        case invalidAccumulatorEncoding
    }

    public let code: Code
    /// What was asked for and what was found, in words an operator can act on.
    public let context: String

    public init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    public var description: String { "Merkle \(code.rawValue): \(context)" }

    public var errorDescription: String? { description }
}
