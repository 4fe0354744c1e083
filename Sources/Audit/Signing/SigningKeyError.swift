import Foundation

/// Why a signing or public key could not be created, written, read or used.
///
/// Always names the file involved (when there is one) and, for system failures, the
/// `errno` text, so an operator can fix the path or permissions without reading code.
public struct SigningKeyError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Code: String, Sendable, Hashable {
        /// Key names must be non-empty and free of whitespace and '+' (C2SP signed-note rule).
        case invalidKeyName
        /// Refusing to overwrite an existing key file.
        case fileExists
        case fileNotFound
        case permissionDenied
        /// A private key file is readable or writable by group or others.
        case insecurePermissions
        /// Any other failure of open, read, write, fsync or link.
        case ioFailure
        /// The file's contents are not a key in the expected format.
        case malformedKey
        /// The cryptographic library refused to sign.
        case signingFailed
    }

    public let code: Code
    /// The key file concerned, if any.
    public let path: String?
    /// What was being done and what went wrong.
    public let context: String
    /// The system error number for `ioFailure` and friends.
    public let errno: Int32?

    public init(_ code: Code, path: String? = nil, _ context: String, errno: Int32? = nil) {
        self.code = code
        self.path = path
        self.context = context
        self.errno = errno
    }

    public var description: String {
        var text = "signing key"
        if let path { text += " \(path)" }
        text += ": \(code.rawValue): \(context)"
        if let errno { text += " (\(String(cString: strerror(errno))), errno \(errno))" }
        return text
    }

    public var errorDescription: String? { description }
}
