extension Timestamp {
    /// Accepts `YYYY-MM-DD` or an RFC 3339 timestamp with `Z` or a `±HH:MM` offset
    /// (fractions of a second beyond milliseconds are truncated). `nil` when malformed.
    public init?(parsing text: String) {
        var text = text
        let parsed = text.withUTF8 { Timestamp.parse(UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        self = parsed
    }

    static func parse(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        if b.count == 10 {
            return LocalDate.parseISO(b).map { Timestamp(date: $0) }
        }
        guard b.count >= 20, let date = LocalDate.parseISO(UnsafeRawBufferPointer(rebasing: b[0..<10])) else {
            return nil
        }
        let separator = b[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let hour = LocalDate.digits(b, 11, 2), let minute = LocalDate.digits(b, 14, 2),
            let second = LocalDate.digits(b, 17, 2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
                if i - start < 3 { millis = millis * 10 + Int(b[i] &- UInt8(ascii: "0")) }
                i += 1
            }
            guard i > start else { return nil }
            for _ in min(i - start, 3)..<3 { millis *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                let oh = LocalDate.digits(b, i + 1, 2), let om = LocalDate.digits(b, i + 4, 2),
                oh < 24, om < 60
            else { return nil }
            offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == b.count else { return nil }
        let local =
            Int64(date.daysSince1970) * millisecondsPerDay
            + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millis)
        return Timestamp(millisecondsSinceEpoch: local - Int64(offset) * 60_000, utcOffsetMinutes: Int16(offset))
    }
}
