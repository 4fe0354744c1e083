/// A tree head in the C2SP tlog-checkpoint form: what the ledger commits to at one size.
///
/// The note text `origin\nsize\nbase64(root)\n` is the exact byte string that gets
/// signed, so it is produced and parsed in one place and nowhere else.
public struct Checkpoint: Sendable, Hashable {
    /// Names the log (for example `consortium.example/ledger`), so a signature for one
    /// ledger cannot be replayed as a statement about another.
    public let origin: String
    public let size: UInt64
    public let root: Hash

    /// Validates the origin, since it becomes a line of the signed text.
    public init(origin: String, size: UInt64, root: Hash) throws(CheckpointError) {
        guard !origin.isEmpty, !origin.contains("\n"), !origin.contains("\r") else {
            throw CheckpointError(
                .invalidOrigin, "origin must be a non-empty single line, got \(String(reflecting: origin))")
        }
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The exact text that is signed.
    public var noteText: String {
        "\(origin)\n\(size)\n\(root.base64)\n"
    }

    /// Parses note text strictly: three lines, each newline-terminated, a canonical decimal
    /// size and canonical base64 of a 32-byte root. Anything else is rejected rather than
    /// normalised, because the signature covers these exact bytes.
    public init(noteText: String) throws(CheckpointError) {
        guard noteText.hasSuffix("\n") else {
            throw CheckpointError(.malformedNote, "note text must end with a newline")
        }
        let lines = noteText.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 3 else {
            throw CheckpointError(
                .malformedNote,
                "expected 3 lines (origin, size, base64 root), found \(lines.count)")
        }
        let sizeText = lines[1]
        guard let size = Checkpoint.parseCanonicalDecimal(sizeText) else {
            throw CheckpointError(
                .malformedNote, line: 2,
                "size must be a decimal number without sign or leading zeros, got \"\(sizeText.prefix(40))\"")
        }
        let rootText = lines[2]
        guard let root = Hash(base64: rootText), root.base64 == rootText else {
            throw CheckpointError(
                .malformedNote, line: 3, "root must be the base64 of 32 bytes, got \"\(rootText.prefix(80))\"")
        }
        do {
            try self.init(origin: String(lines[0]), size: size, root: root)
        } catch {
            throw CheckpointError(error.code, line: 1, error.context)
        }
    }

    private static func parseCanonicalDecimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            text == "0" || !text.hasPrefix("0")
        else { return nil }
        return UInt64(text)
    }
}
