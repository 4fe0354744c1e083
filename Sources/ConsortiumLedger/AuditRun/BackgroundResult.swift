import Dispatch

/// A value computed on a global queue while the caller goes on, then waited for: the audit's
/// replayed digests beside the live ones, the stored snapshots' digests beside both.
///
/// `@unchecked Sendable`: `result` is written once by the queued block and read only after
/// `group.wait()`, which orders the write before the read.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: group) {
            self.result = Result { try work() }
        }
    }

    /// The value, or what the work threw, once it is done.
    func wait() throws -> Value {
        group.wait()
        guard let result else { throw LedgerError(.io, "a background computation of the audit did not finish") }
        return try result.get()
    }
}
