import EventStore

/// One of the two threads that format `events.jsonl`: it turns a run of records into one
/// buffer of lines and tallies them. Each lane keeps its own encoder (with its caches).
///
/// `@unchecked Sendable`: a lane is used by exactly one thread at a time — filled by
/// `DispatchQueue.concurrentPerform`'s iteration for it, read by the caller after it returns.
final class FormattingLane: @unchecked Sendable {
    private var encoder = EventLineEncoder()
    private(set) var tally = EventTally()
    /// The lines of the last run, handed on with `takeOutput`.
    private var output: [UInt8] = []
    private var failure: (any Error)?

    /// Formats `views` (records inside the caller's read transaction) into this lane's buffer.
    func format(_ views: Slice<UnsafeBufferPointer<RecordView>>) {
        output = []
        output.reserveCapacity(views.count * 600)
        do {
            for view in views {
                let code = try encoder.append(view, to: &output)
                tally.add(view, code: code)
            }
        } catch {
            failure = error
        }
    }

    /// The lines formatted by the last `format`, or the error it met.
    func takeOutput() throws -> [UInt8] {
        if let failure { throw failure }
        var taken: [UInt8] = []
        swap(&taken, &output)
        return taken
    }
}
