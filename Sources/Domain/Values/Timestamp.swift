/// When something happened: milliseconds since the Unix epoch (UTC), plus the UTC offset
/// it was written with.
///
/// The offset is kept because the consortium's business day is local: an event at
/// `2025-01-01T01:00:00+08:00` belongs to 2025 in the council's yearly figures even though
/// it is still 2024 in UTC. A bare date means midnight UTC of that day.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var millisecondsSinceEpoch: Int64
    /// Minutes east of UTC, as written in the input (0 for `Z` and for bare dates).
    public var utcOffsetMinutes: Int16

    public static let millisecondsPerDay: Int64 = 86_400_000

    public init(millisecondsSinceEpoch: Int64, utcOffsetMinutes: Int16 = 0) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Midnight UTC at the start of `date`.
    public init(date: LocalDate) {
        self.init(millisecondsSinceEpoch: Int64(date.daysSince1970) * Self.millisecondsPerDay)
    }

    /// The calendar date in the offset it was written with: the business date.
    public var localDate: LocalDate {
        let local = millisecondsSinceEpoch + Int64(utcOffsetMinutes) * 60_000
        return LocalDate(daysSince1970: Int32(Self.floorDiv(local, Self.millisecondsPerDay)))
    }

    /// The calendar date in UTC.
    public var utcDate: LocalDate {
        LocalDate(daysSince1970: Int32(Self.floorDiv(millisecondsSinceEpoch, Self.millisecondsPerDay)))
    }

    /// Same instant first, then the offset, so that ordering agrees with equality.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.millisecondsSinceEpoch, lhs.utcOffsetMinutes) < (rhs.millisecondsSinceEpoch, rhs.utcOffsetMinutes)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension Timestamp: CustomStringConvertible {
    /// A bare `YYYY-MM-DD` for midnight UTC (how dates are usually imported), otherwise
    /// RFC 3339 in the original offset, with milliseconds only when they are not zero.
    public var description: String {
        if utcOffsetMinutes == 0 && millisecondsSinceEpoch % Self.millisecondsPerDay == 0 {
            return utcDate.description
        }
        let local = millisecondsSinceEpoch + Int64(utcOffsetMinutes) * 60_000
        let dayMillis = Int(local - Self.floorDiv(local, Self.millisecondsPerDay) * Self.millisecondsPerDay)
        var out = Array(localDate.description.utf8)
        out.append(UInt8(ascii: "T"))
        LocalDate.appendPadded(dayMillis / 3_600_000, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        LocalDate.appendPadded(dayMillis / 60_000 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        LocalDate.appendPadded(dayMillis / 1000 % 60, width: 2, to: &out)
        if dayMillis % 1000 != 0 {
            out.append(UInt8(ascii: "."))
            LocalDate.appendPadded(dayMillis % 1000, width: 3, to: &out)
        }
        if utcOffsetMinutes == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            out.append(utcOffsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let minutes = Int(utcOffsetMinutes.magnitude)
            LocalDate.appendPadded(minutes / 60, width: 2, to: &out)
            out.append(UInt8(ascii: ":"))
            LocalDate.appendPadded(minutes % 60, width: 2, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
