/// A calendar date with no time and no zone: agreement terms, enrolment days, due dates.
///
/// Stored as days since 1970-01-01 so that comparisons and "within 90 days" are integer
/// arithmetic; printed and parsed as ISO 8601 `YYYY-MM-DD`.
public struct LocalDate: Sendable, Hashable, Comparable {
    public var daysSince1970: Int32

    public init(daysSince1970: Int32) {
        self.daysSince1970 = daysSince1970
    }

    /// `nil` unless the year is 1…9999 and the day exists in that month (leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        daysSince1970 = Int32(LocalDate.days(year: year, month: month, day: day))
    }

    /// Strict `YYYY-MM-DD`: exactly ten characters, a real date.
    public init?(iso text: String) {
        var text = text
        let parsed = text.withUTF8 { LocalDate.parseISO(UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        self = parsed
    }

    static func parseISO(_ b: UnsafeRawBufferPointer) -> LocalDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// The decimal value of `count` ASCII digits at `start`, or `nil` if any is not a digit.
    static func digits(_ b: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let digit = b[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSince1970: daysSince1970 + Int32(days))
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: LocalDate) -> Int {
        Int(daysSince1970) - Int(other.daysSince1970)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: proleptic Gregorian, no tables, no loops.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `days(year:month:day:)`.
    var civil: (year: Int, month: Int, day: Int) {
        let z = Int(daysSince1970) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension LocalDate: CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = civil
        var out: [UInt8] = []
        out.reserveCapacity(10)
        LocalDate.appendPadded(y, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        LocalDate.appendPadded(m, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        LocalDate.appendPadded(d, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public var iso8601: String { description }

    static func appendPadded(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var value = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            value %= divisor
            divisor /= 10
        }
    }
}
