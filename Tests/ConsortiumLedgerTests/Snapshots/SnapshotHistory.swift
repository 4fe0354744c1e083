import ConsortiumLedger
import Domain
import Foundation
import LedgerTesting

/// A generated history recorded with backdated events among it: some lines, when their turn
/// comes, are recorded with an earlier business date (any day since the history began). The
/// consortium rules decide whether the backdated record is acceptable; if not, the line goes in
/// as generated. Appends go in batches (and one by one around backdated lines), so the ledger's
/// own snapshot trigger runs along the way.
struct SnapshotHistory {
    let ledger: Ledger
    /// Every business date recorded (for choosing query dates).
    var dates: [LocalDate] = []
    var backdated = 0

    init(path: String, lines: [String], interval: UInt64, seed: UInt64, backdateOneIn: Int = 12) throws {
        ledger = try Ledger.create(path: path)
        try ledger.setSnapshotInterval(interval)
        var random = SeededRandom(seed: seed)
        var batch: [ImportLine] = []
        var first: LocalDate?
        for (number, line) in lines.enumerated() {
            let date = Self.date(of: line)
            if first == nil { first = date }
            if number > lines.count / 5, Int.random(in: 0..<backdateOneIn, using: &random) == 0, let first, let date,
                date > first
            {
                let earlier = first.adding(days: Int.random(in: 0..<(date.days(since: first)), using: &random))
                try flush(&batch)
                if (try? ledger.append([ImportLine.parse(json: Self.redated(line, to: earlier))])) != nil {
                    backdated += 1
                    dates.append(earlier)
                    continue
                }
            }
            batch.append(try ImportLine.parse(json: line))
            if let date { dates.append(date) }
            if batch.count >= Int.random(in: 1...120, using: &random) { try flush(&batch) }
        }
        try flush(&batch)
    }

    private func flush(_ batch: inout [ImportLine]) throws {
        guard !batch.isEmpty else { return }
        try ledger.append(batch)
        batch.removeAll()
    }

    static func date(of line: String) -> LocalDate? {
        guard let range = line.range(of: #""occurredAt":""#) else { return nil }
        return LocalDate(iso: String(line[range.upperBound...].prefix(10)))
    }

    /// The line with its occurredAt date replaced (time and offset kept).
    static func redated(_ line: String, to date: LocalDate) -> String {
        guard let range = line.range(of: #""occurredAt":""#) else { return line }
        let start = range.upperBound
        let end = line.index(start, offsetBy: 10)
        return line.replacingCharacters(in: start..<end, with: date.iso8601)
    }
}
