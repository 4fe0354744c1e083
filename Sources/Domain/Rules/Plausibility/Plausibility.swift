/// The plausible values: the limits every event is held to when it is appended
/// or imported (see docs/HOSTILE-INPUT.md).
///
/// Why a separate check and not the schema: the schema says what a field *is* (an amount is
/// a non-negative integer); plausibility says what a consortium can mean by it, and keeps a
/// single hostile record from wrapping public money figures, flooding storage or carrying
/// terminal escapes into the reports people read. The limits are judged against the
/// recording clock, so the ledger applies them to new events only: a restore reproduces
/// what was recorded, and the audit replays history as it was accepted.
public enum Plausibility {
    /// The largest amount one event may carry: 10^12 fen (¥10 billion).
    public static let maximumFen: Int64 = 1_000_000_000_000
    /// The longest free text (names, titles, reasons, topics), in Unicode scalars.
    public static let maximumTextLength = 1_000
    /// The earliest date an event or a date field may name.
    public static let earliestDate = LocalDate(year: 1990, month: 1, day: 1)!
    /// The latest date an event or a date field may name.
    public static let latestDate = LocalDate(year: 2100, month: 12, day: 31)!
    /// How far `occurredAt` may lie after the recording time (clocks and time zones differ).
    public static let futureToleranceMilliseconds = Timestamp.millisecondsPerDay

    /// Throws ``RuleViolation/Code/implausibleValue`` naming the first field outside its
    /// plausible range.
    ///
    /// - Parameters:
    ///   - occurredAt: the envelope's business time.
    ///   - recordedAt: the recording clock in milliseconds since the epoch (now, for an append).
    public static func check(
        _ event: DomainEvent, occurredAt: Timestamp, recordedAtMilliseconds recordedAt: Int64
    ) throws(RuleViolation) {
        try checkDate(occurredAt.localDate, field: "occurredAt")
        let latest = recordedAt.addingReportingOverflow(futureToleranceMilliseconds)
        if !latest.overflow && occurredAt.millisecondsSinceEpoch > latest.partialValue {
            throw RuleViolation(
                .implausibleValue, field: "occurredAt",
                "\(occurredAt) is more than one day after the event is recorded "
                    + "(\(Timestamp(millisecondsSinceEpoch: recordedAt))); record an event once it has happened")
        }
        try checkFields(event.payload.jsonObject(), specs: type(of: event.payload).fields, path: "data")
    }

    /// Free text must be at most ``maximumTextLength`` scalars and hold no control character
    /// (C0, DEL, C1): what a terminal or spreadsheet could be made to obey.
    public static func checkText(_ text: String, field: String) throws(RuleViolation) {
        var scalars = 0
        for scalar in text.unicodeScalars {
            scalars += 1
            if scalars > maximumTextLength {
                throw RuleViolation(
                    .implausibleValue, field: field,
                    "text of \(text.unicodeScalars.count) characters is longer than the \(maximumTextLength) allowed")
            }
            if ControlCharacters.isControl(scalar) {
                throw RuleViolation(
                    .implausibleValue, field: field,
                    "text holds the control character U+\(hex(scalar.value)) at character \(scalars); "
                        + "free text may not contain control characters (tabs and line breaks included)")
            }
        }
    }

    /// An amount in fen: at most ``maximumFen``.
    public static func checkAmount(_ fen: Int64, field: String) throws(RuleViolation) {
        if fen > maximumFen {
            throw RuleViolation(
                .implausibleValue, field: field,
                "\(fen) fen is more than the \(maximumFen) fen (¥10 billion) one event may carry")
        }
    }

    /// A date between ``earliestDate`` and ``latestDate``.
    public static func checkDate(_ date: LocalDate, field: String) throws(RuleViolation) {
        if date < earliestDate || date > latestDate {
            throw RuleViolation(
                .implausibleValue, field: field, "\(date) is outside \(earliestDate)…\(latestDate)")
        }
    }

    /// Walks the `data` object beside its field specs, so every payload type is covered by
    /// the same metadata that parses it (a new event type needs no change here).
    static func checkFields(_ object: JSONObject, specs: [FieldSpec], path: String) throws(RuleViolation) {
        for spec in specs {
            guard let value = object[spec.name] else { continue }
            try checkValue(value, kind: spec.kind, name: spec.name, path: "\(path).\(spec.name)")
        }
    }

    private static func checkValue(_ value: JSONValue, kind: FieldKind, name: String, path: String)
        throws(RuleViolation)
    {
        switch (kind, value) {
        case (.string(.text), .string(let text)):
            try checkText(text, field: path)
        case (.integer, .int(let number)) where name.hasSuffix("Fen"):
            try checkAmount(number, field: path)
        case (.integer, .int(let year)) where kind == FieldKind.year:
            if year < Int64(earliestDate.year) || year > Int64(latestDate.year) {
                throw RuleViolation(
                    .implausibleValue, field: path, "year \(year) is outside \(earliestDate.year)…\(latestDate.year)")
            }
        case (.integer, .int(let count)) where count > maximumFen:
            // Counts (person-times, places, headcounts, KPI targets) under the same ceiling as
            // amounts, so no sum a read model keeps can be pushed to Int64.max by a few events.
            throw RuleViolation(
                .implausibleValue, field: path,
                "\(count) is more than \(maximumFen), the largest count or amount one event may carry")
        case (.date, .string(let text)):
            if let date = LocalDate(iso: text) { try checkDate(date, field: path) }
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                try checkValue(item, kind: element, name: name, path: "\(path)[\(index)]")
            }
        case (.object(let fields), .object(let nested)):
            try checkFields(nested, specs: fields, path: path)
        default:
            return
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
