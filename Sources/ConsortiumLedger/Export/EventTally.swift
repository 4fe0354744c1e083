import Domain
import EventStore

/// What the manifest says about the exported events: how many of each type, and which
/// business years occur (the council read model is written for each of them).
struct EventTally {
    private(set) var years: Set<Int> = []
    private var countsByCode: [UInt64] = Array(repeating: 0, count: DomainEvent.allTypeNames.count + 1)
    private var otherCounts: [String: UInt64] = [:]
    private var lastDay: Int64?

    /// Counts the event's type (`code` from the encoder) and notes its year, once per day of events.
    mutating func add(_ view: RecordView, code: UInt16?) {
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

    /// Adds another tally's counts and years to this one.
    mutating func merge(_ other: EventTally) {
        years.formUnion(other.years)
        for code in countsByCode.indices { countsByCode[code] += other.countsByCode[code] }
        otherCounts.merge(other.otherCounts, uniquingKeysWith: +)
    }

    /// Events per type name.
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
}
