import Domain

/// The days a claim's free-text `period` covers, for the checks that compare it with
/// enrolments, placements and withdrawals.
///
/// Understood: `2025` (the year), `2025-H1`/`H2` (half years), `2025-Q1`…`Q4`, `2025-03`
/// (a month), `2025-03-01` (a day) and `2025-03-01/2025-08-31` (an inclusive range). Anything
/// else is judged as the day the claim was applied for, and says so in its flag sentences.
struct ClaimPeriod: Equatable {
    var first: LocalDate
    var last: LocalDate
    /// Whether `period` was understood (otherwise the application day stands in for it).
    var understood: Bool

    init(first: LocalDate, last: LocalDate, understood: Bool = true) {
        self.first = first
        self.last = last
        self.understood = understood
    }

    init(_ text: String, appliedOn: LocalDate) {
        self = Self.parse(text) ?? ClaimPeriod(first: appliedOn, last: appliedOn, understood: false)
    }

    func overlaps(from: LocalDate, to: LocalDate?) -> Bool {
        from <= last && (to.map { $0 >= first } ?? true)
    }

    static func parse(_ text: String) -> ClaimPeriod? {
        if let slash = text.firstIndex(of: "/") {
            guard let first = LocalDate(iso: String(text[..<slash])),
                let last = LocalDate(iso: String(text[text.index(after: slash)...])), first <= last
            else { return nil }
            return ClaimPeriod(first: first, last: last)
        }
        if let day = LocalDate(iso: text) { return ClaimPeriod(first: day, last: day) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1: return months(year, 1, 12)
        case 2:
            let part = parts[1]
            if part.count == 2, let half = part.dropFirst().first, part.first == "H", let n = half.wholeNumberValue,
                (1...2).contains(n)
            {
                return months(year, n * 6 - 5, n * 6)
            }
            if part.count == 2, let quarter = part.dropFirst().first, part.first == "Q",
                let n = quarter.wholeNumberValue, (1...4).contains(n)
            {
                return months(year, n * 3 - 2, n * 3)
            }
            if part.count == 2, let month = Int(part), (1...12).contains(month) { return months(year, month, month) }
            return nil
        default: return nil
        }
    }

    /// From the first day of `firstMonth` to the last day of `lastMonth` of `year`.
    private static func months(_ year: Int, _ firstMonth: Int, _ lastMonth: Int) -> ClaimPeriod? {
        guard let first = LocalDate(year: year, month: firstMonth, day: 1) else { return nil }
        let next =
            lastMonth == 12
            ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: lastMonth + 1, day: 1)
        guard let next else { return nil }
        return ClaimPeriod(first: first, last: next.adding(days: -1))
    }
}
