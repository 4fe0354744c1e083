import ConsortiumLedger

/// Rows in PostgreSQL's COPY text format: columns separated by tabs, rows by newlines,
/// backslash, tab, newline and carriage return escaped with a backslash.
struct CopyText {
    var bytes: [UInt8] = []

    /// The columns `appendEvent` writes, in order.
    static let eventColumns = ["ledger_id", "sequence", "id", "type", "stream", "occurred_at", "actor", "data", "hash"]

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// One `consortium_events` row. `ledgerId` is given escaped once by the caller.
    mutating func appendEvent(_ record: SinkRecord, escapedLedgerId: [UInt8]) {
        bytes.append(contentsOf: escapedLedgerId)
        bytes.append(0x09)
        appendInteger(record.sequence)
        bytes.append(0x09)
        appendEscaped(record.id.utf8)
        bytes.append(0x09)
        appendEscaped(record.type.utf8)
        bytes.append(0x09)
        appendEscaped(record.stream.utf8)
        bytes.append(0x09)
        appendEscaped(record.occurredAt.description.utf8)
        bytes.append(0x09)
        appendEscaped(record.actor.utf8)
        bytes.append(0x09)
        appendEscaped(record.data)
        bytes.append(0x09)
        appendBytea(record.hash)
        bytes.append(0x0A)
    }

    /// Text with COPY's escapes.
    mutating func appendEscaped<S: Sequence>(_ text: S) where S.Element == UInt8 {
        for byte in text {
            switch byte {
            case 0x5C:
                bytes.append(0x5C)
                bytes.append(0x5C)
            case 0x09:
                bytes.append(0x5C)
                bytes.append(UInt8(ascii: "t"))
            case 0x0A:
                bytes.append(0x5C)
                bytes.append(UInt8(ascii: "n"))
            case 0x0D:
                bytes.append(0x5C)
                bytes.append(UInt8(ascii: "r"))
            default: bytes.append(byte)
            }
        }
    }

    static func escaped(_ text: String) -> [UInt8] {
        var copy = CopyText()
        copy.appendEscaped(text.utf8)
        return copy.bytes
    }

    mutating func appendInteger(_ value: UInt64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// bytea in hex form (`\x…`), its backslash escaped for COPY.
    mutating func appendBytea(_ value: [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x5C)
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "x"))
        for byte in value {
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
