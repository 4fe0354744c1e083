import Dispatch
import EventStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `events.jsonl` being written: one line per event in sequence order, formatted straight from
/// the records in the memory map, so memory stays flat however long the history.
///
/// The cursor collects a batch of records; two lanes format its halves at once (on the two cores
/// the export machines have) and their buffers go to the file in order, where a third thread
/// hashes and writes them.
struct EventsFile {
    let writer: SnapshotFileWriter
    private let lanes = [FormattingLane(), FormattingLane()]
    private let previousYears: Set<Int>
    /// Records per batch: ~2 MB of lines per lane, enough to amortise handing work to a thread.
    static let batchSize = 8_192

    init(writer: SnapshotFileWriter, years: Set<Int>) {
        self.writer = writer
        previousYears = years
    }

    /// The business years of the previous export and of the events written.
    var years: Set<Int> { lanes.reduce(previousYears) { $0.union($1.tally.years) } }

    /// Events written per type name.
    var counts: [String: UInt64] {
        var total = EventTally()
        for lane in lanes { total.merge(lane.tally) }
        return total.counts
    }

    func write(
        reader: LogReader, range: ClosedRange<UInt64>, head: UInt64, progress: (@Sendable (UInt64, UInt64) -> Void)?
    ) throws {
        guard range.lowerBound <= head else { return }
        let total = head - range.lowerBound + 1
        var next = range.lowerBound
        var batch: [RecordView] = []
        batch.reserveCapacity(Self.batchSize)
        try reader.scan(from: next, through: head) { view in
            guard view.sequence == next else {
                throw LedgerError(
                    .io, "sequence \(next) is missing from the log (found \(view.sequence)); run `ledger audit`")
            }
            batch.append(view)
            next += 1
            if batch.count == Self.batchSize {
                try writeBatch(batch)
                batch.removeAll(keepingCapacity: true)
                progress?(next - range.lowerBound, total)
            }
            return true
        }
        guard next > head else {
            throw LedgerError(.io, "sequence \(next) is missing from the log; run `ledger audit`")
        }
        try writeBatch(batch)
        progress?(total, total)
    }

    /// Formats the two halves of `batch` at once and writes them in order.
    private func writeBatch(_ batch: [RecordView]) throws {
        guard !batch.isEmpty else { return }
        batch.withUnsafeBufferPointer { views in
            let half = (views.count + 1) / 2
            let runs = UnsafeRuns(first: views[..<half], second: views[half...])
            let lanes = self.lanes
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                lanes[lane].format(lane == 0 ? runs.first : runs.second)
            }
        }
        for lane in lanes { try writer.submit(try lane.takeOutput()) }
        Self.unmapPages(of: batch)
    }

    /// Unmaps the memory-map pages the batch was read from: they stay in the page cache (and
    /// would be mapped again, without I/O, if read), but no longer count in this process's
    /// resident memory, which otherwise grows to the size of the log by the end of the scan.
    /// Safe: LMDB's map is a shared read-only file mapping, with no private copies to discard.
    private static func unmapPages(of batch: [RecordView]) {
        var low = UInt.max
        var high: UInt = 0
        for view in batch {
            guard let base = view.record.baseAddress else { continue }
            low = min(low, UInt(bitPattern: base))
            high = max(high, UInt(bitPattern: base) + UInt(view.record.count))
        }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        guard low < high, page > 0, let start = UnsafeMutableRawPointer(bitPattern: low & ~(page - 1)) else { return }
        _ = madvise(start, Int(high - UInt(bitPattern: start)), Int32(MADV_DONTNEED))
    }
}

/// The two halves of a batch for the lanes. The records point into the read transaction's
/// memory map, which stays valid until `writeBatch` returns (after both lanes finished).
/// `@unchecked Sendable`: raw buffer pointers are not Sendable, but the map they point into is
/// read-only and outlives both lanes.
private struct UnsafeRuns: @unchecked Sendable {
    let first: Slice<UnsafeBufferPointer<RecordView>>
    let second: Slice<UnsafeBufferPointer<RecordView>>
}
