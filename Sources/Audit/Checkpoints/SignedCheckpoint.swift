import Crypto
import Foundation

/// A checkpoint with its signatures, in the C2SP signed-note form: the note text, a blank
/// line, then one `— name base64(keyId ‖ signature)` line per signer.
///
/// This is what the `checkpoints` database stores and what a nightly export ships, and a
/// third party can check it with nothing but the ledger's public key.
public struct SignedCheckpoint: Sendable, Hashable {
    public let checkpoint: Checkpoint
    /// Every signature line, in file order; the ledger's own is normally the first.
    public let signatures: [NoteSignature]

    /// C2SP rejects notes with more signatures than this; so do we, to bound parsing work.
    public static let maximumSignatures = 100

    public init(checkpoint: Checkpoint, signatures: [NoteSignature]) {
        self.checkpoint = checkpoint
        self.signatures = signatures
    }

    /// The signed text.
    public var note: String { checkpoint.noteText }

    /// The complete signed note, ready to write to a file or a database value.
    public var serialized: String {
        note + "\n" + signatures.map(\.line).joined()
    }

    /// Parses a signed note. It checks the form only; call `verify(with:)` for authenticity.
    public init(parsing text: String) throws(CheckpointError) {
        // As in the reference implementation, the last blank line separates text from signatures.
        guard let separator = text.range(of: "\n\n", options: .backwards) else {
            throw CheckpointError(.malformedSignature, "missing the blank line before the signatures")
        }
        let noteText = String(text[..<text.index(after: separator.lowerBound)])
        let checkpoint = try Checkpoint(noteText: noteText)
        let block = text[separator.upperBound...]
        let noteLineCount = noteText.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard block.hasSuffix("\n") else {
            throw CheckpointError(.malformedSignature, "the signature block must end with a newline")
        }
        let lines = block.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatures else {
            throw CheckpointError(
                .malformedSignature, "more than \(Self.maximumSignatures) signature lines")
        }
        var signatures: [NoteSignature] = []
        for (offset, line) in lines.enumerated() {
            signatures.append(try NoteSignature(parsing: line, lineNumber: noteLineCount + 2 + offset))
        }
        self.init(checkpoint: checkpoint, signatures: signatures)
    }

    /// Whether some signature line was made by `publicKey` over exactly this note.
    ///
    /// Lines with another name or key id are ignored (they may be witnesses' cosignatures).
    public func verify(with publicKey: LedgerPublicKey) -> Bool {
        let message = Array(note.utf8)
        return signatures.contains { line in
            line.keyName == publicKey.name && line.keyId == publicKey.noteKeyId
                && line.signature.count == 64
                && publicKey.key.isValidSignature(line.signature, for: message)
        }
    }

    /// The checkpoint, but only if `publicKey` signed it: the one call an auditor needs.
    public func verifiedCheckpoint(with publicKey: LedgerPublicKey) throws(CheckpointError) -> Checkpoint {
        guard verify(with: publicKey) else {
            throw CheckpointError(
                .signatureInvalid,
                "no valid signature by \(publicKey.name) (key id \(publicKey.noteKeyIdHex)) for "
                    + "\(checkpoint.origin) size \(checkpoint.size)")
        }
        return checkpoint
    }
}
