import Dispatch

/// Slots for digests computed by `concurrentPerform`, one per iteration.
///
/// `@unchecked Sendable`: each iteration writes only its own slot, under a lock, and the
/// caller reads them after `concurrentPerform` has returned.
final class DigestResults: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var slots: [Result<String, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<String, any Error>) {
        lock.wait()
        slots[index] = result
        lock.signal()
    }

    /// Every digest in slot order, or the first slot's error.
    func values() throws -> [String] {
        try slots.map { slot in
            guard let slot else { preconditionFailure("a digest slot was never filled") }
            return try slot.get()
        }
    }
}
