import Domain

/// Follows the watermark (latest business date so far) along the log and collects what
/// `BusinessTimeIndex` stores: the steps where it rose and the late events below it. The
/// checkpointer and the audit run the same code, so the audit's recomputation is the definition.
struct BusinessTimeTracker: Sendable {
    private(set) var watermark: LocalDate?
    private(set) var steps: [(day: LocalDate, sequence: UInt64)] = []
    private(set) var late: [(sequence: UInt64, day: LocalDate)] = []

    init(watermark: LocalDate?) {
        self.watermark = watermark
    }

    /// Whether an event on `day` would take the watermark past the end of its month — the
    /// events before it are then the whole business-time prefix of that month end.
    func crossesMonthEnd(_ day: LocalDate) -> Bool {
        guard let watermark else { return false }
        return Self.monthIndex(day) > Self.monthIndex(watermark)
    }

    /// The month ends an event on `day` takes the watermark past (at most 24, for display).
    func monthEndsCrossed(by day: LocalDate) -> [LocalDate] {
        guard let watermark, crossesMonthEnd(day) else { return [] }
        var ends: [LocalDate] = []
        var month = Self.monthIndex(watermark)
        while month < Self.monthIndex(day), ends.count < 24 {
            month += 1
            if let first = LocalDate(year: month / 12, month: month % 12 + 1, day: 1) {
                ends.append(first.adding(days: -1))
            }
        }
        return ends
    }

    mutating func record(sequence: UInt64, day: LocalDate) {
        guard let current = watermark else {
            watermark = day
            steps.append((day, sequence))
            return
        }
        if day > current {
            watermark = day
            steps.append((day, sequence))
        } else if day < current {
            late.append((sequence, day))
        }
    }

    /// Forgets the collected steps and late events (after they were stored or compared).
    mutating func drain() {
        steps.removeAll(keepingCapacity: true)
        late.removeAll(keepingCapacity: true)
    }

    static func monthIndex(_ day: LocalDate) -> Int { day.year * 12 + (day.month - 1) }
}
