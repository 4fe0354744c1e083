import Domain

/// Checked sums for read-model figures (see docs/HOSTILE-INPUT.md): a figure never wraps.
///
/// Why: two hostile `BudgetAllocated` of Int64.max once made a council's budget −2 fen while
/// the audit still passed. Plausibility caps one event at 10^12 fen, but a sum of many still
/// must not wrap, so every amount a projector adds goes through here and an event that would
/// push a figure past Int64.max is refused as ``RuleViolation/Code/amountOverflow`` — inside the
/// append transaction, so nothing of it is written.
extension CounterSlots {
    /// `self[slot] += delta`, or a violation naming the figure, the event's field and the limit.
    /// The figure's name is built only for the violation (replay adds millions of times, and
    /// formatting "… of 2024" each time was measurable).
    func add(_ delta: Int64, to slot: Int, figure: @autoclosure () -> String, field: String) throws(RuleViolation) {
        let (sum, overflow) = self[slot].addingReportingOverflow(delta)
        if overflow {
            throw FigureOverflow.violation(figure: figure(), current: self[slot], delta: delta, field: field)
        }
        self[slot] = sum
    }
}

extension ProjectionStore {
    /// Adds `delta` to one counter, checked (no write when `delta` is zero).
    mutating func add(
        _ delta: Int64, slot: Int, of slots: Int, at key: StoreKey, figure: @autoclosure () -> String, field: String
    ) throws {
        guard delta != 0 else { return }
        try updateCounters(at: key, slots: slots) { counters in
            try counters.add(delta, to: slot, figure: figure(), field: field)
        }
    }
}

/// The refusal of an event that would overflow a read-model figure.
public enum FigureOverflow {
    /// The largest value a figure may hold.
    public static let limit = Int64.max

    static func violation(figure: String, current: Int64, delta: Int64, field: String) -> RuleViolation {
        RuleViolation(
            .amountOverflow, field: field,
            "adding \(delta) to \(figure) (now \(current)) would exceed \(limit), the largest figure the ledger keeps; "
                + "the event is refused rather than the figure wrapped")
    }
}
