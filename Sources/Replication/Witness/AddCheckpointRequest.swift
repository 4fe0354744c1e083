import Audit

/// The body of a C2SP tlog-witness `add-checkpoint` request: `old <size>`, up to 63 base64
/// consistency-proof hashes, an empty line, then the log's signed checkpoint note.
public struct AddCheckpointRequest: Sendable, Hashable {
    /// The size of the checkpoint the submitter believes the witness last cosigned.
    public var oldSize: UInt64
    /// RFC 6962 consistency proof from `oldSize` to the note's size.
    public var proof: [Hash]
    public var note: SignedCheckpoint

    /// The spec's bound on proof lines (a proof of a 2^63-leaf tree needs fewer).
    public static let maximumProofLines = 63

    public init(oldSize: UInt64, proof: [Hash], note: SignedCheckpoint) {
        self.oldSize = oldSize
        self.proof = proof
        self.note = note
    }

    /// The request body exactly as the protocol wants it on the wire.
    public var body: String {
        "old \(oldSize)\n" + proof.map { $0.base64 + "\n" }.joined() + "\n" + note.serialized
    }

    /// Parses a body strictly; a malformed one is a 400, and the error says which line.
    public init(parsing bytes: [UInt8]) throws(WitnessError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw WitnessError(.malformedRequest, "the request body is not UTF-8")
        }
        var rest = Substring(text)
        func nextLine(_ number: Int) throws(WitnessError) -> Substring {
            guard let newline = rest.firstIndex(of: "\n") else {
                throw WitnessError(.malformedRequest, "line \(number): missing its terminating newline")
            }
            let line = rest[..<newline]
            rest = rest[rest.index(after: newline)...]
            return line
        }
        let first = try nextLine(1)
        guard first.hasPrefix("old "), let size = Self.canonicalDecimal(first.dropFirst(4)) else {
            throw WitnessError(
                .malformedRequest,
                "line 1: expected \"old <size>\" (decimal, no leading zeros), got \"\(first.prefix(40))\"")
        }
        var hashes: [Hash] = []
        while true {
            let line = try nextLine(hashes.count + 2)
            if line.isEmpty { break }
            guard hashes.count < Self.maximumProofLines else {
                throw WitnessError(.malformedRequest, "more than \(Self.maximumProofLines) consistency proof lines")
            }
            guard let hash = Hash(base64: line), hash.base64 == line else {
                throw WitnessError(
                    .malformedRequest, "line \(hashes.count + 2): expected the base64 of a 32-byte hash")
            }
            hashes.append(hash)
        }
        let note: SignedCheckpoint
        do {
            note = try SignedCheckpoint(parsing: String(rest))
        } catch {
            throw WitnessError(.malformedRequest, "the checkpoint after line \(hashes.count + 2): \(error)")
        }
        self.init(oldSize: size, proof: hashes, note: note)
    }

    static func canonicalDecimal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            text == "0" || !text.hasPrefix("0")
        else { return nil }
        return UInt64(text)
    }
}
