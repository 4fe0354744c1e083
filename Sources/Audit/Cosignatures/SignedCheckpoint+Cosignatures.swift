/// Witness cosignatures on a signed checkpoint, and the quorum rule `verify-proof` applies.
extension SignedCheckpoint {
    /// The witnesses among `keys` with a valid cosignature on this note, each counted once
    /// however many lines it has, mapped to its cosignature's timestamp.
    public func cosigners(among keys: [CosignerPublicKey]) -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        for key in keys where found[key.verifierKey] == nil {
            for line in signatures {
                if let time = key.verify(line, on: checkpoint) {
                    found[key.verifierKey] = time
                    break
                }
            }
        }
        return found
    }

    /// The same note with `lines` appended, skipping any line it already carries, so
    /// gathering cosignatures twice does not grow the note.
    public func adding(_ lines: [NoteSignature]) -> SignedCheckpoint {
        var all = signatures
        for line in lines where !all.contains(line) { all.append(line) }
        return SignedCheckpoint(checkpoint: checkpoint, signatures: all)
    }
}

extension NoteSignature {
    /// Parses one `— name base64` line (without its newline), as a witness returns them.
    public init(parsingLine text: Substring) throws(CheckpointError) {
        try self.init(parsing: text, lineNumber: 1)
    }
}
