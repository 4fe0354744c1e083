// Civil-date arithmetic on day numbers (days since 1970-01-01), proleptic Gregorian.

enum CivilDate {
    @inline(__always) static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always) static func civil(_ z0: Int) -> (y: Int, m: Int, d: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    @inline(__always) static func yearOf(_ day: Int) -> Int { civil(day).y }

    /// Same month/day n years later (29 Feb becomes 28 Feb).
    static func addYears(_ day: Int, _ n: Int) -> Int {
        let c = civil(day)
        let d = (c.m == 2 && c.d == 29) ? 28 : c.d
        return dayNumber(c.y + n, c.m, d)
    }

    /// 0 = Sunday ... 6 = Saturday.
    @inline(__always) static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 4) % 7 }
}
