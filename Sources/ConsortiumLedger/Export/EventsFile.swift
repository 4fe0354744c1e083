import Domain
import EventStore

/// `events.jsonl` being written: one line per event in sequence order, formatted straight from
/// the records in the memory map, so memory stays flat however long the history.
struct EventsFile {
    let writer: SnapshotFileWriter
    var years: Set<Int>
    private var encoder = EventLineEncoder()
    private var countsByCode: [UInt64] = Array(repeating: 0, count: DomainEvent.allTypeNames.count + 1)
    private var otherCounts: [String: UInt64] = [:]
    private var lastDay: Int64?
    static let progressEvery: UInt64 = 1_024

    init(writer: SnapshotFileWriter, years: Set<Int>) {
        self.writer = writer
        self.years = years
    }

    /// Events written per type name.
    var counts: [String: UInt64] {
        var result = otherCounts
        for name in DomainEvent.allTypeNames {
            guard let code = DomainEvent.typeCode(named: name).map(Int.init), countsByCode.indices.contains(code),
                countsByCode[code] > 0
            else { continue }
            result[name, default: 0] += countsByCode[code]
        }
        return result
    }

    mutating func write(
        reader: LedgerReader, range: ClosedRange<UInt64>, head: UInt64, progress: (@Sendable (UInt64, UInt64) -> Void)?
    ) throws {
        guard range.lowerBound <= head else { return }
        let total = head - range.lowerBound + 1
        var next = range.lowerBound
        try reader.scan(from: next, through: head) { view in
            guard view.sequence == next else {
                throw LedgerError(
                    .io, "sequence \(next) is missing from the log (found \(view.sequence)); run `ledger audit`")
            }
            var code: UInt16?
            try writer.append { out in code = try encoder.append(view, to: &out) }
            count(view, code: code)
            next += 1
            if (next - range.lowerBound) % Self.progressEvery == 0 { progress?(next - range.lowerBound, total) }
            return true
        }
        guard next > head else {
            throw LedgerError(.io, "sequence \(next) is missing from the log; run `ledger audit`")
        }
        progress?(total, total)
    }

    /// Counts the event's type and notes its business year (computed once per day of events).
    private mutating func count(_ view: RecordView, code: UInt16?) {
        if let code, Int(code) < countsByCode.count {
            countsByCode[Int(code)] += 1
        } else {
            otherCounts[view.type, default: 0] += 1
        }
        let local = view.occurredAt + Int64(view.occurredOffsetMinutes) * 60_000
        let day = local >= 0 ? local / Timestamp.millisecondsPerDay : (local + 1) / Timestamp.millisecondsPerDay - 1
        if day != lastDay {
            lastDay = day
            years.insert(
                Timestamp(millisecondsSinceEpoch: view.occurredAt, utcOffsetMinutes: view.occurredOffsetMinutes)
                    .localDate.year)
        }
    }
}
