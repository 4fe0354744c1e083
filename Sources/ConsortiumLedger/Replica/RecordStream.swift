/// The compact record stream of `GET /v1/records` (media type
/// `application/vnd.consortium-ledger.records`): each record as the primary stores it —
/// hashed record ‖ previous hash ‖ hash (docs/DESIGN.md, Storage) — behind its length as a
/// 4-byte big-endian integer, in sequence order, nothing else.
///
/// Why not the JSON feed: a mirror verifies and stores the very bytes the primary hashed, so
/// sending them as they are costs the server a memory copy and the mirror no parsing at all,
/// where re-encoding every record as JSON and back dominated a catch-up. The mirror trusts
/// nothing in it: every record is re-parsed and re-hashed before it is stored.
public enum RecordStream {
    public static let mediaType = "application/vnd.consortium-ledger.records"
    /// The largest frame a reader accepts (a record is a few hundred bytes; this bounds what
    /// a hostile server can make a mirror buffer).
    public static let maxFrame = 16 << 20
    static let headerSize = 4

    /// Appends one frame.
    public static func appendFrame(_ stored: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let length = UInt32(stored.count)
        out.append(UInt8(truncatingIfNeeded: length >> 24))
        out.append(UInt8(truncatingIfNeeded: length >> 16))
        out.append(UInt8(truncatingIfNeeded: length >> 8))
        out.append(UInt8(truncatingIfNeeded: length))
        out.append(contentsOf: stored)
    }

    /// The length of the frame starting at `offset`, once its header has arrived (nil before).
    /// Throws on a length no record can have.
    public static func frameLength(in buffer: UnsafeRawBufferPointer, at offset: Int) throws -> Int? {
        guard buffer.count - offset >= headerSize else { return nil }
        let length =
            Int(buffer[offset]) << 24 | Int(buffer[offset + 1]) << 16 | Int(buffer[offset + 2]) << 8
            | Int(buffer[offset + 3])
        guard length > 0, length <= maxFrame else {
            throw LedgerError(.invalidInput, "record stream: a frame of \(length) bytes (expected 1…\(maxFrame))")
        }
        return headerSize + length
    }
}

/// The records of a buffer holding whole frames (checked by the reader that framed it).
struct RecordFrames: Sequence, IteratorProtocol {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    mutating func next() -> UnsafeRawBufferPointer? {
        guard let total = try? RecordStream.frameLength(in: buffer, at: offset), buffer.count - offset >= total
        else { return nil }
        let start = offset + RecordStream.headerSize
        offset += total
        return UnsafeRawBufferPointer(rebasing: buffer[start..<offset])
    }
}
